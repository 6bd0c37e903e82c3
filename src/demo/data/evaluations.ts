import type { Recommendation } from "../../domain/evaluation.ts";

/**
 * Demo evaluation rounds (examples): a closed round of the adopted cycle with a few panelists'
 * scores and a self-assessment, and an open round for the demo partner. Two example panelists from
 * business and academia have no password: they exist only to have answered.
 */
export const demoPanelists = [
  {
    email: "naering.panel@demo.planverk.no",
    name: "Nora Næringsliv (eksempel)",
    organisationKind: "business",
  },
  {
    email: "akademia.panel@demo.planverk.no",
    name: "Aksel Akademia (eksempel)",
    organisationKind: "academia",
  },
] as const;

/** The rounds' titles; `year` is the adopted cycle's budget year. */
export const closedRoundTitle = (year: number) => `Evaluering våren ${year} (eksempel)`;
export const openRoundTitle = (year: number) => `Midtveisevaluering ${year} (eksempel)`;
/** The open round's deadline, in days from the day the demo is loaded. */
export const openRoundDaysLeft = 30;

/**
 * The closed round's answers: one set per panelist (Nora, Aksel, the demo partner, the demo planner)
 * and measure (the first three of the adopted plan). Scores are [relevans, effekt, gjennomføring,
 * kostnadseffektivitet]; null = «kan ikke vurdere».
 */
export const scoreSets: (number | null)[][][] = [
  [
    [5, 4, 4, 3],
    [4, 3, 4, null],
    [5, 4, 3, 4],
  ],
  [
    [4, 3, 3, 3],
    [5, 4, 4, 3],
    [3, null, 2, 2],
  ],
  [
    [5, 5, 4, 4],
    [3, 3, 3, null],
    [4, 3, 3, 3],
  ],
  [
    [4, 4, 4, 3],
    [4, 3, 3, 3],
    [4, 3, 2, 3],
  ],
];
export const recommendationSets: (readonly Recommendation[])[] = [
  ["scale_up", "continue", "adjust"],
  ["continue", "scale_up", "adjust"],
  ["scale_up", "continue", "continue"],
  ["continue", "continue", "adjust"],
];
/** The first panelist's comment per measure. */
export const panelComments = [
  "Godt forankret hos bedriftene (eksempel).",
  "",
  "Trenger tydeligere mål for effekt (eksempel).",
];
/** The owner's self-assessment of the first measure. */
export const selfAssessmentText =
  "Tiltaket er i rute. Vi har nådd flere bedrifter enn planlagt, men kostnadene per deltaker er høyere enn ventet. (Eksempel.)";
