/**
 * The region in the demo: Lier kommune with a small example plan, one measure Drammen
 * owns and Lier takes part in («Felles tiltak»), and a regional coordinator for Drammensregionen.
 * All example data; the measures are written for the demo.
 */
export const regionDemoMunicipality = { number: "3312", name: "Lier", county: "Buskerud" } as const;
export const regionDemoUsers = [
  { email: "lier@demo.planverk.no", name: "Live Lier-planlegger (demo)", role: "planner" as const },
  { email: "region@demo.planverk.no", name: "Rune Regionkoordinator (demo)", role: null },
] as const;
/** The Drammen measure shared with Lier, and Lier's share of it. */
export const regionDemoShared = { reference: "T-007", lierPercent: 30 } as const;

export const lierMeasures = [
  {
    reference: "T-001",
    title: "Næringsvennlig førstelinje i Lier",
    focusArea: 0,
    perYear: 150_000,
    years: [2027, 2030],
  },
  {
    reference: "T-002",
    title: "Grønn omstilling i landbruk og fruktnæring",
    focusArea: 1,
    perYear: 200_000,
    years: [2027, 2029],
  },
  {
    reference: "T-003",
    title: "Lærlingløft sammen med bedriftene i Lierbyen",
    focusArea: 0,
    perYear: 100_000,
    years: [2027, 2028],
  },
] as const;

/** Lier's plan, its two focus areas, its frame area and municipal funding source. */
export const lierPlan = {
  title: "Næringsplan for Lier 2024–2028 (eksempel)",
  startYear: 2024,
  endYear: 2028,
  published: true,
  vision:
    "Lier skal være et godt sted å starte og drive bedrift, i samarbeid med hele regionen. (Eksempeldata.)",
} as const;
export const lierFocusAreas = ["Attraktivt næringsliv i Lier", "Grønn omstilling i Lier"] as const;
export const lierFrameAreaName = "Næringsutvikling";
export const lierFundingSourceName = "Lier kommune – næringsutvikling";
/** Lier's frames for the 2027 financial plan period, adopted in June 2026. */
export const lierFrames = {
  budgetYear: 2027,
  amountNok: 750_000,
  decisionDate: "2026-06-16",
  caseReference: "sak 45/26 (eksempel)",
} as const;
