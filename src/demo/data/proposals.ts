import type { ProposalStatus } from "../../domain/proposals.ts";

/**
 * Example proposals (innspill) for the demo: decided and published ones for the adopted 2026 plan,
 * and a queue for 2027 with a dialogue, so partners and planners have something to look at.
 * The demo partner speaks for Næringsforeningen. All marked «(eksempel)».
 */
export type DemoProposal = {
  /** The budget year (cycle) the proposal is for. */
  year: number;
  title: string;
  description: string;
  effect: string;
  /** The start of the partner organisation's name. */
  organisation: string;
  submittedBy: "partner" | "planner";
  status: ProposalStatus;
  /** An accepted proposal merged into the year's action plan: the index of the measure (by reference). */
  mergedInto: number | null;
  reason: string | null;
  published: boolean;
  costs: { year: number; amountNok: number; funder: string }[];
};

export const demoProposals: DemoProposal[] = [
  {
    year: 2026,
    title: "Næringsvennlig saksbehandling (eksempel)",
    description:
      "Bedriftene ønsker én kontaktperson i kommunen og kortere behandlingstid for næringssaker.\n\nNæringsforeningen stiller med en referansegruppe.",
    effect: "Kortere saksbehandlingstid og bedre næringsvennlighet i undersøkelser.",
    organisation: "Næringsforeningen",
    submittedBy: "partner",
    status: "accepted",
    mergedInto: 0,
    reason: "Tatt inn i et tiltak som finnes fra før.",
    published: true,
    costs: [{ year: 2026, amountNok: 200_000, funder: "Kommunen" }],
  },
  {
    year: 2026,
    title: "Byggeplassbesøk for ungdomsskoler (eksempel)",
    description: "Elever på ungdomsskolen besøker byggeplasser for å bli kjent med fagene.",
    effect: "Flere søkere til bygg- og anleggsfag.",
    organisation: "Eksempelbyggerne",
    submittedBy: "planner",
    status: "rejected",
    mergedInto: null,
    reason: "Dekkes av skolenes eget samarbeid med næringslivet; ikke et tiltak i næringsplanen.",
    published: true,
    costs: [],
  },
  {
    year: 2027,
    title: "Felles rekrutteringsmesse for industrien (eksempel)",
    description:
      "En årlig messe der industribedriftene i regionen møter studenter, lærlinger og arbeidssøkere.",
    effect: "Flere kvalifiserte søkere til industrien i regionen.",
    organisation: "Næringsforeningen",
    submittedBy: "partner",
    status: "accepted",
    mergedInto: 1,
    reason: "Slått sammen med et tiltak om kompetanse som allerede er i handlingsplanen.",
    published: false,
    costs: [
      { year: 2027, amountNok: 250_000, funder: "Kommunen og Næringsforeningen" },
      { year: 2028, amountNok: 250_000, funder: "Kommunen og Næringsforeningen" },
    ],
  },
  {
    year: 2027,
    title: "Grønn omstilling i små bedrifter (eksempel)",
    description:
      "Et program der små bedrifter får hjelp til klimaregnskap og tiltak.\n\nUSN bidrar med studenter, Næringsforeningen med rekruttering av bedrifter.",
    effect: "Lavere utslipp og bedre konkurransekraft for små bedrifter.",
    organisation: "Næringsforeningen",
    submittedBy: "partner",
    status: "submitted",
    mergedInto: null,
    reason: null,
    published: false,
    costs: [
      { year: 2027, amountNok: 400_000, funder: "Kommunen, søknad til fylkeskommunen" },
      { year: 2028, amountNok: 400_000, funder: "Kommunen, søknad til fylkeskommunen" },
    ],
  },
  {
    year: 2027,
    title: "Felles lagerterminal ved havna (eksempel)",
    description: "Kommunen bør regulere areal til en felles lagerterminal for mindre logistikkbedrifter.",
    effect: "Mer effektiv logistikk.",
    organisation: "Eksempel Logistikk",
    submittedBy: "planner",
    status: "rejected",
    mergedInto: null,
    reason: "Arealspørsmål behandles i kommuneplanens arealdel, ikke i næringsplanens handlingsplan.",
    published: false,
    costs: [],
  },
  {
    year: 2027,
    title: "Forskningsbasert evaluering av næringsplanen (eksempel)",
    description: "USN følger næringsplanen med en følgeevaluering over fire år.",
    effect: "Bedre kunnskapsgrunnlag for rulleringene.",
    organisation: "Universitetet",
    submittedBy: "planner",
    status: "deferred",
    mergedInto: null,
    reason: "Vurderes når den nye næringsplanen skal lages.",
    published: false,
    costs: [{ year: 2028, amountNok: 300_000, funder: "Kommunen og Regionale forskningsfond" }],
  },
];

/** The dialogue on proposal 4 (by number): a question to the partner, the answer, an internal note. */
export const demoProposalThread = {
  proposal: 4,
  question: {
    body: "Takk for innspillet! Hvor mange bedrifter regner dere med kan være med det første året?",
    createdAt: "2026-03-02T09:00:00Z",
  },
  answer: {
    body: "Vi har tolv interesserte medlemsbedrifter, og tror på rundt tjue.",
    createdAt: "2026-03-03T14:00:00Z",
  },
  internalNote: {
    body: "Internt: passer under klimamålet. Sjekk om fylkeskommunens omstillingsmidler kan brukes.",
    createdAt: "2026-03-03T15:00:00Z",
  },
} as const;
