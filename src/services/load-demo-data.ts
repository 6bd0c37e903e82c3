import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
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
  municipalities,
  plans,
} from "../db/schema/index.ts";
import type { ServiceContext } from "./context.ts";

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
    years: [2027, 2030],
    municipalPerYear: 450_000,
  },
  {
    reference: "T-002",
    title: "Nettverk for sirkulære byggeprosjekter",
    description: "Byggherrer, entreprenører og kommunen deler erfaringer med ombruk av materialer.",
    focusArea: 1,
    goals: [1],
    unit: "Klima og miljø",
    years: [2027, 2029],
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
    years: [2027, 2030],
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
    years: [2027, 2028],
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
    years: [2027, 2030],
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
    years: [2027, 2027],
    municipalPerYear: 350_000,
  },
];

export const demoMunicipality = { number: "3301", name: "Drammen" } as const;

/** Loads the demo once, on a database with no municipality yet. Returns whether it did. */
export async function loadDemoDataIfEmpty({ ctx }: { ctx: ServiceContext }): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    // Serialise concurrent first starts against the same database.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('planverk-demo-data'))`);
    const [existing] = await tx.select({ id: municipalities.id }).from(municipalities).limit(1);
    if (existing) return false;
    await insertDemo(tx);
    return true;
  });
}

async function insertDemo(tx: DbOrTx) {
  const [municipality] = await tx.insert(municipalities).values(demoMunicipality).returning();
  if (!municipality) throw new Error("demo municipality not inserted");
  const municipalityId = municipality.id;

  const [plan] = await tx
    .insert(plans)
    .values({
      municipalityId,
      title: "Strategisk næringsplan for Drammen 2023–2027",
      startYear: 2023,
      endYear: 2027,
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
  const sources = await tx
    .insert(fundingSources)
    .values([
      {
        municipalityId,
        name: "Drammen kommune – næringsutvikling drift",
        kind: "municipal" as const,
        frameAreaId: drift.id,
      },
      { municipalityId, name: "Buskerud fylkeskommune", kind: "external" as const },
      { municipalityId, name: "Innovasjon Norge", kind: "external" as const },
      { municipalityId, name: "Partnerbidrag", kind: "external" as const },
    ])
    .returning();
  const sourceId = (name: string) => {
    const source = sources.find((s) => s.name === name);
    if (!source) throw new Error(`unknown demo funding source ${name}`);
    return source.id;
  };

  const [cycle] = await tx
    .insert(cycles)
    .values({ municipalityId, planId: plan.id, budgetYear: 2027, phase: "tilpasning" })
    .returning();
  if (!cycle) throw new Error("demo cycle not inserted");
  const [actionPlan] = await tx
    .insert(actionPlanVersions)
    .values({ municipalityId, cycleId: cycle.id, revision: 0, status: "draft" })
    .returning();
  if (!actionPlan) throw new Error("demo action plan not inserted");

  for (const spec of exampleMeasures) {
    const [measure] = await tx
      .insert(measures)
      .values({ municipalityId, reference: spec.reference, isExample: true })
      .returning();
    if (!measure) throw new Error("demo measure not inserted");
    const [version] = await tx
      .insert(measureVersions)
      .values({
        municipalityId,
        measureId: measure.id,
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
    await tx
      .insert(measureVersionGoals)
      .values(
        spec.goals.map((g) => ({ municipalityId, measureVersionId: version.id, goalId: at(goalRows, g).id })),
      );
    const years = Array.from({ length: spec.years[1] - spec.years[0] + 1 }, (_, i) => spec.years[0] + i);
    await tx.insert(measureCosts).values(
      years.flatMap((year) => [
        {
          municipalityId,
          measureVersionId: version.id,
          year,
          fundingSourceId: sourceId("Drammen kommune – næringsutvikling drift"),
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

function at<T>(rows: T[], index: number): T {
  const row = rows[index];
  if (row === undefined) throw new Error(`demo data: no row ${index}`);
  return row;
}
