import type { OrganisationKind } from "../../domain/organisations.ts";
import type { Role } from "../../domain/permissions.ts";

/**
 * Demo data: Drammen's strategic business plan 2023–2027 with its three societal goals (from the
 * municipal master plan, see shared/seed) and five focus areas. The objectives, measures, partner
 * companies and people are invented examples: measures are marked `is_example` (the interface shows
 * a tag), invented companies carry "Eksempel" in their name, and every link points at example.org.
 */
export const goalTitles = [
  [
    "Drammen skal være et næringssentrum",
    "Fra kommuneplanens samfunnsdel: Drammen skal bli et næringssentrum.",
  ],
  ["Norges grønneste kommune", "Fra kommuneplanens samfunnsdel: Drammen skal bli Norges grønneste kommune."],
  [
    "Det foretrukne regionssenteret nasjonalt",
    "Fra kommuneplanens samfunnsdel: Drammen skal bli det foretrukne regionssenteret nasjonalt.",
  ],
] as const;

/** Title, description, goals (by index) and example objectives (delmål) of each focus area. */
export const focusAreaSpecs = [
  [
    "Attraktive Drammen",
    "Et sted der folk og virksomheter vil etablere seg og bli.",
    [0, 2],
    [
      "Gjøre det enkelt å etablere og drive virksomhet i kommunen",
      "Et levende sentrum med handel, kultur og opplevelser",
      "Styrke Drammen som reisemål",
    ],
  ],
  [
    "Grønn vekst i Drammen",
    "Næringsliv som vokser gjennom det grønne skiftet.",
    [0, 1],
    [
      "Flere bedrifter tar i bruk sirkulære og klimavennlige løsninger",
      "Arealer og infrastruktur som gir plass til grønn næring",
    ],
  ],
  [
    "Helsenæring i Drammen",
    "Næring som utvikler og tar i bruk løsninger for helse og omsorg.",
    [0, 2],
    [
      "Bedrifter og kommunen utvikler helseløsninger sammen",
      "Kommunen som krevende og trygg kunde for helseinnovasjon",
    ],
  ],
  [
    "Havnebyen Drammen",
    "Havna som motor for grønn logistikk og nye arbeidsplasser.",
    [0, 1],
    ["Utslippsfri havn og sjøtransport", "Havna som arena for nye arbeidsplasser"],
  ],
  [
    "Kompetansebyen Drammen",
    "Kunnskap og kompetanse i samspill mellom akademia og næringsliv.",
    [0, 2],
    ["Tettere kobling mellom utdanning og arbeidsliv", "Tiltrekke og beholde kompetent arbeidskraft"],
  ],
] as const;

/** Partner organisations. Invented companies say so in their name; no organisation numbers. */
export const partnerSpecs = [
  { name: "Næringsforeningen i Drammensregionen", kind: "business", website: null },
  { name: "Universitetet i Sørøst-Norge (USN)", kind: "academia", website: null },
  { name: "Buskerud fylkeskommune", kind: "public", website: null },
  { name: "Drammen Havn", kind: "public", website: null },
  { name: "Eksempel Logistikk AS", kind: "business", website: "https://logistikk.example.org" },
  { name: "Eksempel Helseteknologi AS", kind: "business", website: "https://helseteknologi.example.org" },
  { name: "Eksempelbyggerne AS", kind: "business", website: "https://byggerne.example.org" },
  { name: "Elvebyen frivillighetsforum (eksempel)", kind: "voluntary", website: null },
] as const satisfies readonly { name: string; kind: OrganisationKind; website: string | null }[];
export type PartnerName = (typeof partnerSpecs)[number]["name"];

/** Invented contact persons at partner organisations. */
export const contactSpecs: { organisation: PartnerName; name: string; title: string; email: string }[] = [
  {
    organisation: "Næringsforeningen i Drammensregionen",
    name: "Kari Nordmann (eksempel)",
    title: "Rådgiver, medlemsnettverk",
    email: "kari.nordmann@example.org",
  },
  {
    organisation: "Universitetet i Sørøst-Norge (USN)",
    name: "Ola Nordmann (eksempel)",
    title: "Koordinator for samarbeid med arbeidslivet",
    email: "ola.nordmann@example.org",
  },
  {
    organisation: "Eksempel Logistikk AS",
    name: "Siri Strand (eksempel)",
    title: "Daglig leder",
    email: "siri.strand@example.org",
  },
];

export const fundingSourceNames = {
  municipal: "Drammen kommune – næringsutvikling drift",
  county: "Buskerud fylkeskommune",
  innovation: "Innovasjon Norge",
  partners: "Partnerbidrag",
} as const;
export type ExternalSource = Exclude<keyof typeof fundingSourceNames, "municipal">;

export const demoMunicipality = { number: "3301", name: "Drammen", county: "Buskerud" } as const;

/** Demo accounts, one per role. Their password is published, so a production start refuses them. */
export const demoPassword = "demo-planverk-2026";
export const demoUsers = [
  { email: "admin@demo.planverk.no", name: "Ada Admin (demo)", role: "admin" },
  { email: "planlegger@demo.planverk.no", name: "Per Planlegger (demo)", role: "planner" },
  { email: "tiltakseier@demo.planverk.no", name: "Tiril Tiltakseier (demo)", role: "measure_owner" },
  { email: "partner@demo.planverk.no", name: "Paal Partner (demo)", role: "partner" },
  { email: "leser@demo.planverk.no", name: "Lise Leser (demo)", role: "viewer" },
  { email: "drift@demo.planverk.no", name: "Dina Drift (demo)", role: null },
] as const satisfies readonly { email: string; name: string; role: Role | null }[];

/** The strategic plan the demo is about. */
export const demoPlan = {
  title: "Strategisk næringsplan for Drammen 2023–2027",
  startYear: 2023,
  endYear: 2027,
  published: true,
  vision:
    "Planen gjøres konkret gjennom årlige handlingsplaner med tiltak, utviklet i den årlige rulleringen " +
    "av handlings- og økonomiplanen og knyttet til vedtatte budsjettrammer. (Eksempeldata.)",
} as const;

/** The frame area the municipal funding source counts against. */
export const demoFrameAreaName = "Næringsutvikling – drift";

/** Budget year 2026 is adopted and running; 2027 is being fitted to its frames. */
export const demoCycles = [
  { budgetYear: 2026, phase: "gjennomforing", adopted: true },
  { budgetYear: 2027, phase: "tilpasning", adopted: false },
] as const;
