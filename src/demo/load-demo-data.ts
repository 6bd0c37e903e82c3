import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import type { Role } from "../db/schema/accounts.ts";
import {
  actionPlanVersions,
  budgetFrames,
  cycles,
  focusAreas,
  frameAreas,
  fundingSources,
  goalFocusAreas,
  goals,
  type MeasureLink,
  type MeasureStatus,
  measureCosts,
  measures,
  measureVersionGoals,
  measureVersionObjectives,
  measureVersionPartners,
  measureVersions,
  memberships,
  milestones,
  municipalities,
  type OrganisationKind,
  objectives,
  organisationContacts,
  type PartnerRole,
  partnerOrganisations,
  plans,
  users,
} from "../db/schema/index.ts";
import { financialPlanPeriod } from "../domain/cycle.ts";
import { sanitizeRichText } from "../domain/rich-text.ts";
import { hashPassword } from "../services/accounts/passwords.ts";
import { recordAudit } from "../services/audit.ts";
import type { ServiceContext } from "../services/context.ts";
import { insertDemoProposals } from "./demo-proposals.ts";
import { insertDemoEvaluations } from "./load-demo-evaluations.ts";
import { loadIndicatorDemo } from "./load-indicator-demo.ts";
import { insertRegionDemo, regionDemoUsers } from "./load-region-demo.ts";

/**
 * Demo data: Drammen's strategic business plan 2023–2027 with its three societal goals (from the
 * municipal master plan, see shared/seed) and five focus areas. The objectives, measures, partner
 * companies and people are invented examples: measures are marked `is_example` (the interface shows
 * a tag), invented companies carry "Eksempel" in their name, and every link points at example.org.
 */
const goalTitles = [
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
const focusAreaSpecs = [
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
const partnerSpecs = [
  { name: "Næringsforeningen i Drammensregionen", kind: "business", website: null },
  { name: "Universitetet i Sørøst-Norge (USN)", kind: "academia", website: null },
  { name: "Buskerud fylkeskommune", kind: "public", website: null },
  { name: "Drammen Havn", kind: "public", website: null },
  { name: "Eksempel Logistikk AS", kind: "business", website: "https://logistikk.example.org" },
  { name: "Eksempel Helseteknologi AS", kind: "business", website: "https://helseteknologi.example.org" },
  { name: "Eksempelbyggerne AS", kind: "business", website: "https://byggerne.example.org" },
  { name: "Elvebyen frivillighetsforum (eksempel)", kind: "voluntary", website: null },
] as const satisfies readonly { name: string; kind: OrganisationKind; website: string | null }[];
type PartnerName = (typeof partnerSpecs)[number]["name"];

/** Invented contact persons at partner organisations. */
const contactSpecs: { organisation: PartnerName; name: string; title: string; email: string }[] = [
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

const fundingSourceNames = {
  municipal: "Drammen kommune – næringsutvikling drift",
  county: "Buskerud fylkeskommune",
  innovation: "Innovasjon Norge",
  partners: "Partnerbidrag",
} as const;
type ExternalSource = Exclude<keyof typeof fundingSourceNames, "municipal">;

type Owner = "measure_owner" | "planner" | null;

type ExampleMeasure = {
  reference: string;
  title: string;
  /** Plain text; blank lines separate paragraphs. */
  description: string;
  focusArea: number;
  goals: number[];
  /** Indexes into the focus area's objectives. */
  objectives: number[];
  unit: string;
  contactPerson: string;
  owner: Owner;
  tags: string[];
  links?: MeasureLink[];
  partners?: { name: PartnerName; role: PartnerRole }[];
  years: [number, number];
  /** Budget years whose action plan contains the measure (2026 adopted, 2027 draft). */
  inCycles: number[];
  municipalPerYear: number;
  external?: { source: ExternalSource; perYear: number };
  /** What the 2027 draft changes for a measure carried over from 2026. */
  next?: { years?: [number, number]; municipalPerYear?: number };
  /** Running state (on the measure's identity, not per action plan). */
  status: MeasureStatus;
  statusReason?: string;
  progress: number | null;
  milestones?: { dueDate: string; title: string; done: boolean }[];
};

const exampleMeasures: ExampleMeasure[] = [
  // Attraktive Drammen
  {
    reference: "T-001",
    title: "Vertskapsprogram for nye virksomheter",
    description:
      "En fast kontakt i kommunen følger nyetablerte virksomheter det første året, og hjelper dem videre til riktig fagområde når de trenger tillatelser, lokaler eller kontakt med andre bedrifter.\n\n" +
      "Programmet evalueres hvert år sammen med Næringsforeningen.",
    focusArea: 0,
    goals: [0, 2],
    objectives: [0],
    unit: "Næring og samfunnsutvikling",
    contactPerson: "Ingrid Holm (eksempel)",
    owner: "measure_owner",
    tags: ["etablering", "vertskap"],
    links: [{ title: "Om vertskapsprogrammet (eksempel)", url: "https://example.org/drammen/vertskap" }],
    partners: [{ name: "Næringsforeningen i Drammensregionen", role: "lead" }],
    years: [2026, 2029],
    inCycles: [2026, 2027],
    municipalPerYear: 450_000,
    status: "in_progress",
    progress: 40,
    milestones: [
      { dueDate: "2026-02-15", title: "Første kull med vertskapsbedrifter tatt imot", done: true },
      { dueDate: "2026-11-30", title: "Evaluering sammen med Næringsforeningen", done: false },
    ],
  },
  {
    reference: "T-006",
    title: "Kortere ventetid i byggesaker for næringslivet",
    description:
      "Kartlegger saksbehandlingstider for næringsbygg og prøver ut faste kontaktpersoner og forhåndskonferanser for større prosjekter.",
    focusArea: 0,
    goals: [0],
    objectives: [0],
    unit: "Byutvikling",
    contactPerson: "Jonas Lie (eksempel)",
    owner: null,
    tags: ["byggesak", "etablering"],
    years: [2026, 2026],
    inCycles: [2026],
    municipalPerYear: 350_000,
    status: "completed",
    progress: 100,
  },
  {
    reference: "T-008",
    title: "Digital oversikt over ledige næringslokaler",
    description:
      "En felles nettside der gårdeiere kan melde inn ledige lokaler og tomter, slik at virksomheter som vil etablere seg finner dem på ett sted.\n\n" +
      "Kommunen drifter løsningen det første året og vurderer deretter om næringsforeningen skal overta den.",
    focusArea: 0,
    goals: [0],
    objectives: [0],
    unit: "Næring og samfunnsutvikling",
    contactPerson: "Ingrid Holm (eksempel)",
    owner: "planner",
    tags: ["digitalisering", "etablering"],
    links: [{ title: "Ledige lokaler (eksempel)", url: "https://example.org/drammen/lokaler" }],
    partners: [{ name: "Næringsforeningen i Drammensregionen", role: "contributor" }],
    years: [2026, 2027],
    inCycles: [2026, 2027],
    municipalPerYear: 200_000,
    next: { municipalPerYear: 120_000 },
    status: "in_progress",
    progress: 60,
  },
  {
    reference: "T-009",
    title: "Felles arrangementskalender for sentrum",
    description:
      "Handelsstanden, kulturlivet og kommunen samordner arrangementer i sentrum gjennom året, slik at byen har noe å by på også utenom høysesongen.",
    focusArea: 0,
    goals: [0, 2],
    objectives: [1, 2],
    unit: "Kultur",
    contactPerson: "Maria Dahl (eksempel)",
    owner: "planner",
    tags: ["sentrum", "reiseliv", "kultur"],
    partners: [
      { name: "Næringsforeningen i Drammensregionen", role: "contributor" },
      { name: "Elvebyen frivillighetsforum (eksempel)", role: "contributor" },
    ],
    years: [2026, 2028],
    inCycles: [2026, 2027],
    municipalPerYear: 300_000,
    external: { source: "partners", perYear: 100_000 },
    status: "delayed",
    statusReason: "Venter på at gårdeierne blir enige om sin andel av finansieringen.",
    progress: 20,
  },
  {
    reference: "T-018",
    title: "Reiselivssatsing langs elva",
    description:
      "Utvikler opplevelser, overnatting og skilting langs elva sammen med reiselivsbedriftene, med vekt på helårsturisme og bærekraftig reiseliv.",
    focusArea: 0,
    goals: [2],
    objectives: [2],
    unit: "Næring og samfunnsutvikling",
    contactPerson: "Maria Dahl (eksempel)",
    owner: null,
    tags: ["reiseliv", "elva"],
    years: [2027, 2029],
    inCycles: [2027],
    municipalPerYear: 400_000,
    external: { source: "county", perYear: 150_000 },
    status: "planned",
    progress: null,
  },

  // Grønn vekst i Drammen
  {
    reference: "T-002",
    title: "Nettverk for sirkulære byggeprosjekter",
    description:
      "Byggherrer, entreprenører og kommunen deler erfaringer med ombruk av materialer, og prøver ut ombruk i minst ett kommunalt byggeprosjekt hvert år.",
    focusArea: 1,
    goals: [1],
    objectives: [0],
    unit: "Klima og miljø",
    contactPerson: "Erik Berg (eksempel)",
    owner: "planner",
    tags: ["klima", "sirkulærøkonomi", "bygg"],
    links: [{ title: "Veileder for ombruk (eksempel)", url: "https://example.org/drammen/ombruk" }],
    partners: [
      { name: "Eksempelbyggerne AS", role: "contributor" },
      { name: "Buskerud fylkeskommune", role: "funder" },
    ],
    years: [2026, 2028],
    inCycles: [2026, 2027],
    municipalPerYear: 300_000,
    external: { source: "county", perYear: 200_000 },
    status: "in_progress",
    progress: 35,
  },
  {
    reference: "T-010",
    title: "Klimaregnskap for små og mellomstore bedrifter",
    description:
      "Studenter hjelper små bedrifter med å sette opp et enkelt klimaregnskap og finne de tiltakene som kutter mest utslipp per krone.",
    focusArea: 1,
    goals: [1, 0],
    objectives: [0],
    unit: "Klima og miljø",
    contactPerson: "Erik Berg (eksempel)",
    owner: "measure_owner",
    tags: ["klima", "kompetanse"],
    partners: [
      { name: "Universitetet i Sørøst-Norge (USN)", role: "contributor" },
      { name: "Næringsforeningen i Drammensregionen", role: "contributor" },
    ],
    years: [2026, 2027],
    inCycles: [2026, 2027],
    municipalPerYear: 250_000,
    status: "in_progress",
    progress: 50,
  },
  {
    reference: "T-011",
    title: "Kartlegging av arealer for grønn industri",
    description:
      "Skulle finne egnede arealer for ny fornybar og sirkulær industri i kommunen, med krav til strøm, vei og havn.",
    focusArea: 1,
    goals: [1],
    objectives: [1],
    unit: "Byutvikling",
    contactPerson: "Jonas Lie (eksempel)",
    owner: null,
    tags: ["klima", "areal"],
    years: [2026, 2026],
    inCycles: [2026],
    municipalPerYear: 200_000,
    status: "stopped",
    statusReason: "Stoppet fordi fylkeskommunen har startet en regional kartlegging med samme formål.",
    progress: 30,
  },
  {
    reference: "T-007",
    title: "Samarbeid om grønn godstransport i regionen",
    description:
      "Havna, transportører og nabokommunene utreder felles løsninger for utslippsfri varelevering i bysentrene.",
    focusArea: 1,
    goals: [1, 0],
    objectives: [1],
    unit: "Drammen havn",
    contactPerson: "Siri Strand (eksempel)",
    owner: "measure_owner",
    tags: ["klima", "transport", "havn"],
    partners: [
      { name: "Drammen Havn", role: "lead" },
      { name: "Eksempel Logistikk AS", role: "contributor" },
    ],
    years: [2027, 2029],
    inCycles: [2027],
    municipalPerYear: 400_000,
    external: { source: "county", perYear: 300_000 },
    status: "planned",
    progress: null,
  },
  {
    reference: "T-019",
    title: "Lading for nyttekjøretøy i næringsområdene",
    description:
      "Finner plassering for felles ladepunkter for varebiler og lastebiler i de største næringsområdene, i samarbeid med grunneierne.",
    focusArea: 1,
    goals: [1],
    objectives: [1],
    unit: "Klima og miljø",
    contactPerson: "",
    owner: null,
    tags: ["klima", "transport"],
    years: [2027, 2028],
    inCycles: [2027],
    municipalPerYear: 250_000,
    status: "planned",
    progress: null,
  },

  // Helsenæring i Drammen
  {
    reference: "T-003",
    title: "Testarena for velferdsteknologi",
    description:
      "Bedrifter prøver ut løsninger i hjemmetjenesten, med brukere og ansatte som medutviklere.\n\n" +
      "Kommunen stiller testmiljø og veiledning; bedriftene får tilbakemeldinger de kan bruke i videre utvikling.",
    focusArea: 2,
    goals: [0],
    objectives: [0],
    unit: "Helse, sosial og omsorg",
    contactPerson: "Nina Aas (eksempel)",
    owner: "measure_owner",
    tags: ["helse", "innovasjon", "velferdsteknologi"],
    links: [{ title: "Søk om å teste (eksempel)", url: "https://example.org/drammen/testarena" }],
    partners: [{ name: "Eksempel Helseteknologi AS", role: "contributor" }],
    years: [2026, 2030],
    inCycles: [2026, 2027],
    municipalPerYear: 600_000,
    external: { source: "innovation", perYear: 400_000 },
    status: "in_progress",
    progress: 55,
  },
  {
    reference: "T-012",
    title: "Møteplass for helsenæringen",
    description:
      "Faste samlinger der helsebedrifter, forskere og kommunens tjenester møtes for å finne felles utviklingsprosjekter.",
    focusArea: 2,
    goals: [0, 2],
    objectives: [0],
    unit: "Næring og samfunnsutvikling",
    contactPerson: "Nina Aas (eksempel)",
    owner: "measure_owner",
    tags: ["helse", "nettverk"],
    partners: [
      { name: "Universitetet i Sørøst-Norge (USN)", role: "lead" },
      { name: "Eksempel Helseteknologi AS", role: "contributor" },
    ],
    years: [2026, 2028],
    inCycles: [2026, 2027],
    municipalPerYear: 350_000,
    status: "delayed",
    statusReason:
      "Prosjektlederstillingen sto ubesatt i første halvår; første samling er flyttet til høsten.",
    progress: 15,
    milestones: [
      { dueDate: "2026-04-30", title: "Prosjektleder på plass", done: false },
      { dueDate: "2026-10-15", title: "Første samling", done: false },
    ],
  },
  {
    reference: "T-013",
    title: "Innovative anskaffelser i helse og omsorg",
    description:
      "Kommunen beskriver behov i stedet for ferdige løsninger i to anskaffelser, slik at leverandørene kan foreslå nye måter å løse dem på.",
    focusArea: 2,
    goals: [0],
    objectives: [1],
    unit: "Innkjøp",
    contactPerson: "Lars Moe (eksempel)",
    owner: null,
    tags: ["helse", "anskaffelser", "innovasjon"],
    years: [2026, 2026],
    inCycles: [2026],
    municipalPerYear: 150_000,
    status: "completed",
    progress: 100,
  },
  {
    reference: "T-020",
    title: "Karriereveier mellom kommunal og privat helsesektor",
    description:
      "Prøver ut hospitering og delte stillinger mellom kommunens tjenester og helsebedrifter, for å dele kompetanse begge veier.",
    focusArea: 2,
    goals: [0, 2],
    objectives: [0],
    unit: "Helse, sosial og omsorg",
    contactPerson: "",
    owner: null,
    tags: ["helse", "kompetanse"],
    years: [2027, 2028],
    inCycles: [2027],
    municipalPerYear: 300_000,
    status: "planned",
    progress: null,
  },

  // Havnebyen Drammen
  {
    reference: "T-004",
    title: "Mulighetsstudie for landstrøm i havna",
    description: "Kartlegger behov, kostnader og eierskap for landstrøm til skip ved kai.",
    focusArea: 3,
    goals: [1, 0],
    objectives: [0],
    unit: "Drammen havn",
    contactPerson: "Henrik Vik (eksempel)",
    owner: "measure_owner",
    tags: ["havn", "klima", "energi"],
    links: [{ title: "Landstrøm – bakgrunn (eksempel)", url: "https://example.org/drammen/landstrom" }],
    partners: [{ name: "Drammen Havn", role: "lead" }],
    years: [2026, 2027],
    inCycles: [2026, 2027],
    municipalPerYear: 750_000,
    next: { years: [2027, 2028], municipalPerYear: 500_000 },
    status: "in_progress",
    progress: 70,
    milestones: [
      { dueDate: "2026-03-31", title: "Behovskartlegging blant rederiene", done: true },
      { dueDate: "2026-09-30", title: "Kostnadsoverslag og eierskapsmodell", done: false },
      { dueDate: "2027-03-31", title: "Anbefaling lagt fram for bystyret", done: false },
    ],
  },
  {
    reference: "T-014",
    title: "Plan for nye næringsarealer på havna",
    description:
      "Vurderer hvordan kaiområder som ikke lenger trengs til gods kan brukes til havnerelatert næring og nye arbeidsplasser.",
    focusArea: 3,
    goals: [0],
    objectives: [1],
    unit: "Byutvikling",
    contactPerson: "Henrik Vik (eksempel)",
    owner: "planner",
    tags: ["havn", "areal"],
    partners: [{ name: "Drammen Havn", role: "contributor" }],
    years: [2026, 2029],
    inCycles: [2026, 2027],
    municipalPerYear: 300_000,
    status: "planned",
    progress: null,
  },
  {
    reference: "T-015",
    title: "Havnedag for skoleelever og jobbsøkere",
    description:
      "En åpen dag der bedriftene på havna viser fram arbeidsplassene sine for ungdomsskoleelever og jobbsøkere.",
    focusArea: 3,
    goals: [0],
    objectives: [1],
    unit: "Næring og samfunnsutvikling",
    contactPerson: "Maria Dahl (eksempel)",
    owner: null,
    tags: ["havn", "kompetanse", "ungdom"],
    partners: [
      { name: "Drammen Havn", role: "lead" },
      { name: "Eksempel Logistikk AS", role: "contributor" },
    ],
    years: [2026, 2026],
    inCycles: [2026],
    municipalPerYear: 100_000,
    status: "completed",
    progress: 100,
  },
  {
    reference: "T-021",
    title: "Pilot for utslippsfri varetransport på sjøen",
    description:
      "Tester en elektrisk lekter mellom havna og et næringsområde ved fjorden, og måler kostnader og utslipp mot lastebiltransport.",
    focusArea: 3,
    goals: [1],
    objectives: [0],
    unit: "Drammen havn",
    contactPerson: "Siri Strand (eksempel)",
    owner: "measure_owner",
    tags: ["havn", "klima", "transport"],
    partners: [
      { name: "Eksempel Logistikk AS", role: "lead" },
      { name: "Drammen Havn", role: "contributor" },
      { name: "Buskerud fylkeskommune", role: "funder" },
    ],
    years: [2027, 2029],
    inCycles: [2027],
    municipalPerYear: 250_000,
    external: { source: "county", perYear: 500_000 },
    status: "planned",
    progress: null,
  },

  // Kompetansebyen Drammen
  {
    reference: "T-005",
    title: "Studentpraksis i lokale bedrifter",
    description:
      "Sammen med universitetet formidles praksisplasser og bacheloroppgaver i regionens bedrifter.",
    focusArea: 4,
    goals: [0, 2],
    objectives: [0],
    unit: "Næring og samfunnsutvikling",
    contactPerson: "Ola Nordmann (eksempel)",
    owner: null,
    tags: ["kompetanse", "studenter"],
    links: [{ title: "Praksisportal (eksempel)", url: "https://example.org/drammen/praksis" }],
    partners: [
      { name: "Universitetet i Sørøst-Norge (USN)", role: "lead" },
      { name: "Næringsforeningen i Drammensregionen", role: "contributor" },
    ],
    years: [2026, 2030],
    inCycles: [2026, 2027],
    municipalPerYear: 250_000,
    external: { source: "partners", perYear: 150_000 },
    status: "in_progress",
    progress: 45,
  },
  {
    reference: "T-016",
    title: "Fagbrev på jobb for industriarbeidere",
    description:
      "Voksne ansatte i industrien tar fagbrev mens de er i jobb, med opplæring lagt til arbeidsplassen.",
    focusArea: 4,
    goals: [0],
    objectives: [0, 1],
    unit: "Voksenopplæring",
    contactPerson: "Lars Moe (eksempel)",
    owner: "measure_owner",
    tags: ["kompetanse", "industri"],
    partners: [{ name: "Buskerud fylkeskommune", role: "funder" }],
    years: [2026, 2028],
    inCycles: [2026, 2027],
    municipalPerYear: 350_000,
    external: { source: "county", perYear: 250_000 },
    status: "in_progress",
    progress: 25,
    milestones: [{ dueDate: "2026-05-31", title: "Avtale med tre industribedrifter", done: true }],
  },
  {
    reference: "T-017",
    title: "Velkomstpakke for tilflyttende fagfolk",
    description:
      "Informasjon om bolig, barnehage, skole og fritid for fagfolk som flytter hit for en ny jobb, og for familiene deres.",
    focusArea: 4,
    goals: [2],
    objectives: [1],
    unit: "Kommunikasjon",
    contactPerson: "Ingrid Holm (eksempel)",
    owner: null,
    tags: ["kompetanse", "tilflytting"],
    links: [{ title: "Velkommen til Drammen (eksempel)", url: "https://example.org/drammen/velkommen" }],
    years: [2026, 2026],
    inCycles: [2026],
    municipalPerYear: 150_000,
    status: "completed",
    progress: 100,
  },
  {
    reference: "T-022",
    title: "Sommerjobb for ungdom i lokale bedrifter",
    description:
      "Kommunen og bedriftene deler lønnskostnaden for sommerjobber til ungdom mellom 16 og 19 år.",
    focusArea: 4,
    goals: [0, 2],
    objectives: [0],
    unit: "Oppvekst",
    contactPerson: "",
    owner: "planner",
    tags: ["kompetanse", "ungdom"],
    partners: [
      { name: "Næringsforeningen i Drammensregionen", role: "contributor" },
      { name: "Elvebyen frivillighetsforum (eksempel)", role: "contributor" },
    ],
    years: [2027, 2030],
    inCycles: [2027],
    municipalPerYear: 500_000,
    external: { source: "partners", perYear: 200_000 },
    status: "planned",
    progress: null,
  },
];

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

export function demoUsersNotice(): string {
  const lines = demoUsers.map((u) => `  ${u.email.padEnd(32)} ${u.role ?? "installasjonsadministrator"}`);
  lines.push(
    ...regionDemoUsers.map(
      (u) => `  ${u.email.padEnd(32)} ${u.role ? `${u.role} (Lier)` : "regional koordinator"}`,
    ),
  );
  return ["", `Demobrukere (kun for demo), passord for alle: ${demoPassword}`, ...lines, ""].join("\n");
}

/** Loads the demo once, into an installation with no plan and no user yet. Returns whether it did. */
export async function loadDemoDataIfEmpty({ ctx }: { ctx: ServiceContext }): Promise<boolean> {
  const isEmpty = async (db: DbOrTx) => {
    const [plan] = await db.select({ id: plans.id }).from(plans).limit(1);
    const [user] = await db.select({ id: users.id }).from(users).limit(1);
    return !plan && !user;
  };
  // Every start asks; only an empty installation pays for hashing the demo password.
  if (!(await isEmpty(ctx.db))) return false;
  const passwordHash = await hashPassword(demoPassword);
  return ctx.db.transaction(async (tx) => {
    // Serialise concurrent first starts against the same database, and look again under the lock.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('planverk-demo-data'))`);
    if (!(await isEmpty(tx))) return false;
    const municipalityId = await insertDemo(tx, passwordHash);
    await loadIndicatorDemo(tx, municipalityId);
    await recordAudit(tx, ctx.actor, {
      municipalityId,
      objectType: "municipality",
      objectId: municipalityId,
      objectLabel: demoMunicipality.name,
      action: "load_demo_data",
    });
    return true;
  });
}

/** A production start refuses to run while demo accounts (with published passwords) can sign in. */
export async function refuseDemoUsersInProduction({ ctx }: { ctx: ServiceContext }): Promise<void> {
  const [demo] = await ctx.db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.isDemo, true), eq(users.active, true)))
    .limit(1);
  if (demo) {
    throw new Error(
      `NODE_ENV=production, men demobrukeren ${demo.email} er aktiv. ` +
        "Deaktiver demobrukerne med `npm run planverk -- disable-demo-users` før produksjonsstart.",
    );
  }
}

/** The demo users with their roles; returns the user id per role (measure owners are picked by role). */
async function insertDemoUsers(
  tx: DbOrTx,
  municipalityId: string,
  passwordHash: string,
): Promise<Map<Role, string>> {
  const rows = await tx
    .insert(users)
    .values(
      demoUsers.map((demo) => ({
        email: demo.email,
        name: demo.name,
        passwordHash,
        isDemo: true,
        isSystemAdmin: demo.role === null,
      })),
    )
    .returning({ id: users.id, email: users.email });
  const idByEmail = new Map(rows.map((r) => [r.email, r.id]));
  const byRole = new Map<Role, string>();
  for (const demo of demoUsers) {
    const userId = idByEmail.get(demo.email);
    if (!userId) throw new Error(`demo user ${demo.email} not inserted`);
    if (demo.role) byRole.set(demo.role, userId);
  }
  await tx
    .insert(memberships)
    .values([...byRole].map(([role, userId]) => ({ municipalityId, userId, role })));
  return byRole;
}

/** Inserts the whole demo with a few multi-row inserts (about twenty statements in all). */
async function insertDemo(tx: DbOrTx, passwordHash: string): Promise<string> {
  const [municipality] = await tx
    .insert(municipalities)
    .values({ ...demoMunicipality, active: true })
    .onConflictDoUpdate({ target: municipalities.number, set: { active: true } })
    .returning();
  if (!municipality) throw new Error("demo municipality not inserted");
  const municipalityId = municipality.id;
  const userByRole = await insertDemoUsers(tx, municipalityId, passwordHash);

  const [plan] = await tx
    .insert(plans)
    .values({
      municipalityId,
      title: "Strategisk næringsplan for Drammen 2023–2027",
      startYear: 2023,
      endYear: 2027,
      published: true,
      vision:
        "Planen gjøres konkret gjennom årlige handlingsplaner med tiltak, utviklet i den årlige rulleringen " +
        "av handlings- og økonomiplanen og knyttet til vedtatte budsjettrammer. (Eksempeldata.)",
    })
    .returning();
  if (!plan) throw new Error("demo plan not inserted");

  const goalRows = await tx
    .insert(goals)
    .values(
      goalTitles.map(([title, description], i) => ({
        municipalityId,
        planId: plan.id,
        title,
        description,
        position: i + 1,
      })),
    )
    .returning();
  const goalId = (i: number) => byKey(goalRows, (g) => g.position, i + 1).id;
  const focusAreaRows = await tx
    .insert(focusAreas)
    .values(
      focusAreaSpecs.map(([title, description], i) => ({
        municipalityId,
        planId: plan.id,
        title,
        description,
        position: i + 1,
      })),
    )
    .returning();
  const focusAreaId = (i: number) => byKey(focusAreaRows, (f) => f.position, i + 1).id;
  await tx
    .insert(goalFocusAreas)
    .values(
      focusAreaSpecs.flatMap(([, , goalIndexes], i) =>
        goalIndexes.map((g) => ({ municipalityId, goalId: goalId(g), focusAreaId: focusAreaId(i) })),
      ),
    );
  const objectiveRows = await tx
    .insert(objectives)
    .values(
      focusAreaSpecs.flatMap(([, , , objectiveTitles], i) =>
        objectiveTitles.map((title, j) => ({
          municipalityId,
          focusAreaId: focusAreaId(i),
          title,
          position: j + 1,
        })),
      ),
    )
    .returning();
  const objectiveId = (focusArea: number, j: number) => {
    const row = objectiveRows.find((o) => o.focusAreaId === focusAreaId(focusArea) && o.position === j + 1);
    if (!row) throw new Error(`demo data: no objective ${j} in focus area ${focusArea}`);
    return row.id;
  };

  const [drift] = await tx
    .insert(frameAreas)
    .values({ municipalityId, name: "Næringsutvikling – drift" })
    .returning();
  if (!drift) throw new Error("demo frame area not inserted");
  const sources = await tx
    .insert(fundingSources)
    .values([
      {
        municipalityId,
        name: fundingSourceNames.municipal,
        kind: "municipal" as const,
        frameAreaId: drift.id,
      },
      { municipalityId, name: fundingSourceNames.county, kind: "external" as const },
      { municipalityId, name: fundingSourceNames.innovation, kind: "external" as const },
      { municipalityId, name: fundingSourceNames.partners, kind: "external" as const },
    ])
    .returning();
  const sourceId = (key: keyof typeof fundingSourceNames) =>
    byKey(sources, (s) => s.name, fundingSourceNames[key]).id;

  const organisationRows = await tx
    .insert(partnerOrganisations)
    .values(partnerSpecs.map((p) => ({ municipalityId, name: p.name, kind: p.kind, website: p.website })))
    .returning();
  const organisationId = (name: string) => byKey(organisationRows, (o) => o.name, name).id;
  // The demo partner speaks for the business association (their proposals and evaluation answers).
  const partnerUserId = userByRole.get("partner");
  if (!partnerUserId) throw new Error("demo partner not inserted");
  await tx
    .update(memberships)
    .set({ organisationId: organisationId("Næringsforeningen i Drammensregionen") })
    .where(and(eq(memberships.userId, partnerUserId), eq(memberships.municipalityId, municipalityId)));
  await tx.insert(organisationContacts).values(
    contactSpecs.map(({ organisation, ...contact }) => ({
      municipalityId,
      organisationId: organisationId(organisation),
      ...contact,
    })),
  );

  // One identity per measure, with its running state; versions per action plan below.
  const measureRows = await tx
    .insert(measures)
    .values(
      exampleMeasures.map((m) => ({
        municipalityId,
        reference: m.reference,
        isExample: true,
        status: m.status,
        statusReason: m.statusReason ?? "",
        progress: m.progress,
      })),
    )
    .returning({ id: measures.id, reference: measures.reference });
  const measureId = (reference: string) => byKey(measureRows, (m) => m.reference, reference).id;
  const milestoneRows = exampleMeasures.flatMap((m) =>
    (m.milestones ?? []).map((milestone) => ({
      municipalityId,
      measureId: measureId(m.reference),
      ...milestone,
    })),
  );
  if (milestoneRows.length > 0) await tx.insert(milestones).values(milestoneRows);

  // Budget year 2026 is adopted and running; 2027 is being fitted to its frames.
  const cycleSpecs = [
    { budgetYear: 2026, phase: "gjennomforing" as const, adopted: true },
    { budgetYear: 2027, phase: "tilpasning" as const, adopted: false },
  ];
  const cycleRows = await tx
    .insert(cycles)
    .values(
      cycleSpecs.map((c) => ({ municipalityId, planId: plan.id, budgetYear: c.budgetYear, phase: c.phase })),
    )
    .returning();
  const actionPlanRows = await tx
    .insert(actionPlanVersions)
    .values(
      cycleSpecs.map((c) => ({
        municipalityId,
        cycleId: byKey(cycleRows, (r) => r.budgetYear, c.budgetYear).id,
        revision: 0,
        status: c.adopted ? ("adopted" as const) : ("draft" as const),
        ...(c.adopted
          ? {
              adoptedOn: `${c.budgetYear - 1}-12-16`,
              decisionBody: "Bystyret",
              caseReference: `sak 999/${String(c.budgetYear - 1).slice(2)} (eksempel)`,
              frozenAt: new Date(`${c.budgetYear - 1}-12-16T12:00:00Z`),
            }
          : {}),
      })),
    )
    .returning();
  const actionPlanId = (budgetYear: number) =>
    byKey(actionPlanRows, (a) => a.cycleId, byKey(cycleRows, (c) => c.budgetYear, budgetYear).id).id;

  // What each action plan says about each measure it contains.
  const planned = cycleSpecs.flatMap(({ budgetYear }) =>
    exampleMeasures
      .filter((m) => m.inCycles.includes(budgetYear))
      .map((spec) => {
        const carried = budgetYear !== spec.inCycles[0] && spec.next ? spec.next : {};
        return {
          spec,
          budgetYear,
          years: carried.years ?? spec.years,
          municipalPerYear: carried.municipalPerYear ?? spec.municipalPerYear,
        };
      }),
  );
  const versionRows = await tx
    .insert(measureVersions)
    .values(
      planned.map(({ spec, budgetYear, years }) => ({
        municipalityId,
        measureId: measureId(spec.reference),
        actionPlanVersionId: actionPlanId(budgetYear),
        focusAreaId: focusAreaId(spec.focusArea),
        title: spec.title,
        description: sanitizeRichText(spec.description),
        responsibleUnit: spec.unit,
        contactPerson: spec.contactPerson,
        ownerUserId: spec.owner ? (userByRole.get(spec.owner) ?? null) : null,
        tags: spec.tags,
        links: spec.links ?? [],
        startYear: years[0],
        endYear: years[1],
      })),
    )
    .returning({
      id: measureVersions.id,
      measureId: measureVersions.measureId,
      actionPlanVersionId: measureVersions.actionPlanVersionId,
    });
  const withVersion = planned.map((p) => {
    const measure = measureId(p.spec.reference);
    const plan = actionPlanId(p.budgetYear);
    const row = versionRows.find((v) => v.measureId === measure && v.actionPlanVersionId === plan);
    if (!row) throw new Error(`demo data: no version of ${p.spec.reference} in ${p.budgetYear}`);
    return { ...p, versionId: row.id };
  });

  await tx
    .insert(measureVersionGoals)
    .values(
      withVersion.flatMap(({ spec, versionId }) =>
        spec.goals.map((g) => ({ municipalityId, measureVersionId: versionId, goalId: goalId(g) })),
      ),
    );
  await tx.insert(measureVersionObjectives).values(
    withVersion.flatMap(({ spec, versionId }) =>
      spec.objectives.map((o) => ({
        municipalityId,
        measureVersionId: versionId,
        objectiveId: objectiveId(spec.focusArea, o),
      })),
    ),
  );
  await tx.insert(measureVersionPartners).values(
    withVersion.flatMap(({ spec, versionId }) =>
      (spec.partners ?? []).map((p) => ({
        municipalityId,
        measureVersionId: versionId,
        organisationId: organisationId(p.name),
        role: p.role,
      })),
    ),
  );
  await tx.insert(measureCosts).values(
    withVersion.flatMap(({ spec, budgetYear, years, municipalPerYear, versionId }) =>
      financialPlanPeriod(budgetYear)
        .years.filter((year) => year >= years[0] && year <= years[1])
        .flatMap((year) => [
          {
            municipalityId,
            measureVersionId: versionId,
            year,
            fundingSourceId: sourceId("municipal"),
            amountNok: municipalPerYear,
          },
          ...(spec.external
            ? [
                {
                  municipalityId,
                  measureVersionId: versionId,
                  year,
                  fundingSourceId: sourceId(spec.external.source),
                  amountNok: spec.external.perYear,
                  externalStatus: (year === budgetYear ? "granted" : "expected") as "granted" | "expected",
                },
              ]
            : []),
        ]),
    ),
  );

  // Frames adopted in each cycle's June rammesak, with some room above what the measures cost.
  const frameRows = cycleSpecs.flatMap((c) => {
    const cycle = byKey(cycleRows, (r) => r.budgetYear, c.budgetYear);
    return financialPlanPeriod(c.budgetYear).years.map((year) => {
      const sum = withVersion
        .filter((v) => v.budgetYear === c.budgetYear && year >= v.years[0] && year <= v.years[1])
        .reduce((total, v) => total + v.municipalPerYear, 0);
      return {
        municipalityId,
        cycleId: cycle.id,
        frameAreaId: drift.id,
        year,
        amountNok: Math.ceil((sum * 1.05) / 250_000) * 250_000 + 250_000,
        status: "adopted" as const,
        decisionDate: `${c.budgetYear - 1}-06-18`,
        caseReference: `sak 068/${String(c.budgetYear - 1).slice(2)} (eksempel)`,
      };
    });
  });
  await tx.insert(budgetFrames).values(frameRows);
  await insertDemoProposals(tx, municipalityId, userByRole);
  await insertDemoEvaluations(tx, municipalityId, {
    partnerUserId: userByRole.get("partner") ?? "",
    plannerUserId: userByRole.get("planner") ?? "",
    ownerUserId: userByRole.get("measure_owner") ?? null,
  });
  await insertRegionDemo(tx, { drammenId: municipalityId, passwordHash });
  return municipalityId;
}

/** The row whose key is `value` (rows come back from multi-row inserts; match them by key, not order). */
function byKey<T, K>(rows: T[], key: (row: T) => K, value: K): T {
  const row = rows.find((r) => key(r) === value);
  if (row === undefined) throw new Error(`demo data: no row ${String(value)}`);
  return row;
}
