import type { MeasureLink, MeasureStatus, PartnerRole } from "../../domain/measures.ts";
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

export type Owner = "measure_owner" | "planner" | null;

export type ExampleMeasure = {
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

export const exampleMeasures: ExampleMeasure[] = [
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
