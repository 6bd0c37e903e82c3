import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import type { Role } from "../db/schema/accounts.ts";
import {
  actionPlanVersions,
  cycles,
  focusAreas,
  frameAreas,
  fundingSources,
  goalFocusAreas,
  goals,
  measureCosts,
  measures,
  measureVersionGoals,
  measureVersions,
  memberships,
  municipalities,
  plans,
  users,
} from "../db/schema/index.ts";
import { financialPlanPeriod } from "../domain/cycle.ts";
import { recordAudit } from "./audit.ts";
import type { ServiceContext } from "./context.ts";
import { hashPassword } from "./passwords.ts";

/**
 * Demo data: Drammen's strategic business plan 2023–2027 with its three societal goals (from the
 * municipal master plan, see shared/seed) and five focus areas. The measures are invented examples,
 * marked as such (`is_example`, and "Eksempel:" in the title).
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

const focusAreaSpecs = [
  ["Attraktive Drammen", "Et sted der folk og virksomheter vil etablere seg og bli.", [0, 2]],
  ["Grønn vekst i Drammen", "Næringsliv som vokser gjennom det grønne skiftet.", [0, 1]],
  ["Helsenæring i Drammen", "Næring som utvikler og tar i bruk løsninger for helse og omsorg.", [0, 2]],
  ["Havnebyen Drammen", "Havna som motor for grønn logistikk og nye arbeidsplasser.", [0, 1]],
  ["Kompetansebyen Drammen", "Kunnskap og kompetanse i samspill mellom akademia og næringsliv.", [0, 2]],
] as const;

type ExampleMeasure = {
  reference: string;
  title: string;
  description: string;
  focusArea: number;
  goals: number[];
  unit: string;
  years: [number, number];
  /** Budget years whose action plan contains the measure. */
  inCycles: number[];
  municipalPerYear: number;
  external?: { source: string; perYear: number };
};

const exampleMeasures: ExampleMeasure[] = [
  {
    reference: "T-001",
    title: "Vertskapsprogram for nye virksomheter",
    description: "En fast kontakt i kommunen følger nyetablerte virksomheter det første året.",
    focusArea: 0,
    goals: [0, 2],
    unit: "Næring og samfunnsutvikling",
    years: [2026, 2029],
    inCycles: [2026, 2027],
    municipalPerYear: 450_000,
  },
  {
    reference: "T-002",
    title: "Nettverk for sirkulære byggeprosjekter",
    description: "Byggherrer, entreprenører og kommunen deler erfaringer med ombruk av materialer.",
    focusArea: 1,
    goals: [1],
    unit: "Klima og miljø",
    years: [2026, 2028],
    inCycles: [2026, 2027],
    municipalPerYear: 300_000,
    external: { source: "Buskerud fylkeskommune", perYear: 200_000 },
  },
  {
    reference: "T-003",
    title: "Testarena for velferdsteknologi",
    description: "Bedrifter prøver ut løsninger i hjemmetjenesten, med brukere og ansatte som medutviklere.",
    focusArea: 2,
    goals: [0],
    unit: "Helse, sosial og omsorg",
    years: [2026, 2030],
    inCycles: [2026, 2027],
    municipalPerYear: 600_000,
    external: { source: "Innovasjon Norge", perYear: 400_000 },
  },
  {
    reference: "T-004",
    title: "Mulighetsstudie for landstrøm i havna",
    description: "Kartlegger behov, kostnader og eierskap for landstrøm til skip ved kai.",
    focusArea: 3,
    goals: [1, 0],
    unit: "Drammen havn",
    years: [2026, 2027],
    inCycles: [2026, 2027],
    municipalPerYear: 750_000,
  },
  {
    reference: "T-005",
    title: "Studentpraksis i lokale bedrifter",
    description:
      "Sammen med universitetet formidles praksisplasser og bacheloroppgaver i regionens bedrifter.",
    focusArea: 4,
    goals: [0, 2],
    unit: "Næring og samfunnsutvikling",
    years: [2026, 2030],
    inCycles: [2026, 2027],
    municipalPerYear: 250_000,
    external: { source: "Partnerbidrag", perYear: 150_000 },
  },
  {
    reference: "T-006",
    title: "Kortere ventetid i byggesaker for næringslivet",
    description: "Kartlegger saksbehandlingstider og prøver ut faste kontaktpersoner for næringsbygg.",
    focusArea: 0,
    goals: [0],
    unit: "Byutvikling",
    years: [2026, 2026],
    inCycles: [2026],
    municipalPerYear: 350_000,
  },
  {
    reference: "T-007",
    title: "Samarbeid om grønn godstransport i regionen",
    description:
      "Havna, transportører og nabokommunene utreder felles løsninger for utslippsfri varelevering.",
    focusArea: 1,
    goals: [1, 2],
    unit: "Drammen havn",
    years: [2027, 2029],
    inCycles: [2027],
    municipalPerYear: 400_000,
    external: { source: "Buskerud fylkeskommune", perYear: 300_000 },
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
  return ["", `Demobrukere (kun for demo), passord for alle: ${demoPassword}`, ...lines, ""].join("\n");
}

/** Loads the demo once, into an installation with no plan and no user yet. Returns whether it did. */
export async function loadDemoDataIfEmpty({ ctx }: { ctx: ServiceContext }): Promise<boolean> {
  const passwordHash = await hashPassword(demoPassword);
  return ctx.db.transaction(async (tx) => {
    // Serialise concurrent first starts against the same database.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('planverk-demo-data'))`);
    const [plan] = await tx.select({ id: plans.id }).from(plans).limit(1);
    const [user] = await tx.select({ id: users.id }).from(users).limit(1);
    if (plan || user) return false;
    const municipalityId = await insertDemo(tx);
    await insertDemoUsers(tx, municipalityId, passwordHash);
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

async function insertDemoUsers(tx: DbOrTx, municipalityId: string, passwordHash: string) {
  for (const demo of demoUsers) {
    const [user] = await tx
      .insert(users)
      .values({
        email: demo.email,
        name: demo.name,
        passwordHash,
        isDemo: true,
        isSystemAdmin: demo.role === null,
      })
      .returning();
    if (user && demo.role)
      await tx.insert(memberships).values({ municipalityId, userId: user.id, role: demo.role });
  }
}

async function insertDemo(tx: DbOrTx): Promise<string> {
  const [municipality] = await tx
    .insert(municipalities)
    .values({ ...demoMunicipality, active: true })
    .onConflictDoUpdate({ target: municipalities.number, set: { active: true } })
    .returning();
  if (!municipality) throw new Error("demo municipality not inserted");
  const municipalityId = municipality.id;

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
  await tx.insert(goalFocusAreas).values(
    focusAreaSpecs.flatMap(([, , goalIndexes], i) =>
      goalIndexes.map((g) => ({
        municipalityId,
        goalId: at(goalRows, g).id,
        focusAreaId: at(focusAreaRows, i).id,
      })),
    ),
  );

  const [drift] = await tx
    .insert(frameAreas)
    .values({ municipalityId, name: "Næringsutvikling – drift" })
    .returning();
  if (!drift) throw new Error("demo frame area not inserted");
  const municipalSource = "Drammen kommune – næringsutvikling drift";
  const sources = await tx
    .insert(fundingSources)
    .values([
      { municipalityId, name: municipalSource, kind: "municipal" as const, frameAreaId: drift.id },
      { municipalityId, name: "Buskerud fylkeskommune", kind: "external" as const },
      { municipalityId, name: "Innovasjon Norge", kind: "external" as const },
      { municipalityId, name: "Partnerbidrag", kind: "external" as const },
    ])
    .returning();
  const sourceId = (name: string) => {
    const source = sources.find((x) => x.name === name);
    if (!source) throw new Error(`unknown demo funding source ${name}`);
    return source.id;
  };

  // Budget year 2026 is adopted and running; 2027 is being fitted to its frames.
  const cycleSpecs = [
    { budgetYear: 2026, phase: "gjennomforing" as const, adopted: true },
    { budgetYear: 2027, phase: "tilpasning" as const, adopted: false },
  ];
  const measureIds = new Map<string, string>();
  for (const cycleSpec of cycleSpecs) {
    const [cycle] = await tx
      .insert(cycles)
      .values({ municipalityId, planId: plan.id, budgetYear: cycleSpec.budgetYear, phase: cycleSpec.phase })
      .returning();
    if (!cycle) throw new Error("demo cycle not inserted");
    const [actionPlan] = await tx
      .insert(actionPlanVersions)
      .values({
        municipalityId,
        cycleId: cycle.id,
        revision: 0,
        status: cycleSpec.adopted ? "adopted" : "draft",
        ...(cycleSpec.adopted
          ? {
              adoptedOn: `${cycleSpec.budgetYear - 1}-12-16`,
              decisionBody: "Bystyret",
              caseReference: `sak 999/${String(cycleSpec.budgetYear - 1).slice(2)} (eksempel)`,
              frozenAt: new Date(`${cycleSpec.budgetYear - 1}-12-16T12:00:00Z`),
            }
          : {}),
      })
      .returning();
    if (!actionPlan) throw new Error("demo action plan not inserted");

    for (const spec of exampleMeasures.filter((m) => m.inCycles.includes(cycleSpec.budgetYear))) {
      let measureId = measureIds.get(spec.reference);
      if (!measureId) {
        const [measure] = await tx
          .insert(measures)
          .values({ municipalityId, reference: spec.reference, isExample: true })
          .returning();
        if (!measure) throw new Error("demo measure not inserted");
        measureId = measure.id;
        measureIds.set(spec.reference, measureId);
      }
      const [version] = await tx
        .insert(measureVersions)
        .values({
          municipalityId,
          measureId,
          actionPlanVersionId: actionPlan.id,
          focusAreaId: at(focusAreaRows, spec.focusArea).id,
          title: spec.title,
          description: spec.description,
          responsibleUnit: spec.unit,
          startYear: spec.years[0],
          endYear: spec.years[1],
        })
        .returning();
      if (!version) throw new Error("demo measure version not inserted");
      await tx.insert(measureVersionGoals).values(
        spec.goals.map((g) => ({
          municipalityId,
          measureVersionId: version.id,
          goalId: at(goalRows, g).id,
        })),
      );
      const period = financialPlanPeriod(cycleSpec.budgetYear);
      const years = period.years.filter((y) => y >= spec.years[0] && y <= spec.years[1]);
      await tx.insert(measureCosts).values(
        years.flatMap((year) => [
          {
            municipalityId,
            measureVersionId: version.id,
            year,
            fundingSourceId: sourceId(municipalSource),
            amountNok: spec.municipalPerYear,
          },
          ...(spec.external
            ? [
                {
                  municipalityId,
                  measureVersionId: version.id,
                  year,
                  fundingSourceId: sourceId(spec.external.source),
                  amountNok: spec.external.perYear,
                },
              ]
            : []),
        ]),
      );
    }
  }
  return municipalityId;
}

function at<T>(rows: T[], index: number): T {
  const row = rows[index];
  if (row === undefined) throw new Error(`demo data: no row ${index}`);
  return row;
}
