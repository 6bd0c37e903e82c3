import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import type { Role } from "../db/schema/accounts.ts";
import {
  actionPlanVersions,
  comments,
  cycles,
  measures,
  measureVersions,
  notifications,
  partnerOrganisations,
  proposalCosts,
  proposals,
} from "../db/schema/index.ts";

/**
 * Example proposals (innspill) for the demo: decided and published ones for the adopted 2026 plan,
 * and a queue for 2027 with a dialogue, so partners and planners have something to look at.
 * The demo partner speaks for Næringsforeningen (linked by load-demo-data.ts). All marked «(eksempel)».
 */
export async function insertDemoProposals(
  tx: DbOrTx,
  municipalityId: string,
  userByRole: Map<Role, string>,
): Promise<void> {
  const partnerUserId = userByRole.get("partner");
  const plannerUserId = userByRole.get("planner");
  if (!partnerUserId || !plannerUserId) throw new Error("demo proposals: partner or planner missing");
  const organisationRows = await tx
    .select({ id: partnerOrganisations.id, name: partnerOrganisations.name })
    .from(partnerOrganisations)
    .where(eq(partnerOrganisations.municipalityId, municipalityId));
  const organisation = (prefix: string) => {
    const row = organisationRows.find((o) => o.name.startsWith(prefix));
    if (!row) throw new Error(`demo proposals: no organisation ${prefix}`);
    return row.id;
  };
  // The demo loader has made the partner a member for Næringsforeningen (load-demo-data.ts).
  const nid = organisation("Næringsforeningen");

  const cycleRows = await tx.select().from(cycles).where(eq(cycles.municipalityId, municipalityId));
  const cycleOf = (year: number) => {
    const row = cycleRows.find((c) => c.budgetYear === year);
    if (!row) throw new Error(`demo proposals: no cycle ${year}`);
    return row;
  };
  // The first measures of each year's action plan, to merge accepted proposals into.
  const measuresOf = async (year: number) =>
    tx
      .select({ id: measures.id, focusAreaId: measureVersions.focusAreaId })
      .from(measureVersions)
      .innerJoin(measures, eq(measures.id, measureVersions.measureId))
      .innerJoin(actionPlanVersions, eq(actionPlanVersions.id, measureVersions.actionPlanVersionId))
      .where(inArray(actionPlanVersions.cycleId, [cycleOf(year).id]))
      .orderBy(asc(measures.reference));
  const measures2026 = await measuresOf(2026);
  const measures2027 = await measuresOf(2027);
  const decided = (year: number) => new Date(`${year - 1}-04-20T10:00:00Z`);

  const specs = [
    {
      year: 2026,
      title: "Næringsvennlig saksbehandling (eksempel)",
      description:
        "Bedriftene ønsker én kontaktperson i kommunen og kortere behandlingstid for næringssaker.\n\nNæringsforeningen stiller med en referansegruppe.",
      effect: "Kortere saksbehandlingstid og bedre næringsvennlighet i undersøkelser.",
      organisationId: nid,
      submittedBy: partnerUserId,
      status: "accepted" as const,
      measureId: measures2026[0]?.id ?? null,
      reason: "Tatt inn i et tiltak som finnes fra før.",
      published: true,
      costs: [{ year: 2026, amountNok: 200_000, funder: "Kommunen" }],
    },
    {
      year: 2026,
      title: "Byggeplassbesøk for ungdomsskoler (eksempel)",
      description: "Elever på ungdomsskolen besøker byggeplasser for å bli kjent med fagene.",
      effect: "Flere søkere til bygg- og anleggsfag.",
      organisationId: organisation("Eksempelbyggerne"),
      submittedBy: plannerUserId,
      status: "rejected" as const,
      measureId: null,
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
      organisationId: nid,
      submittedBy: partnerUserId,
      status: "accepted" as const,
      measureId: measures2027[1]?.id ?? null,
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
      organisationId: nid,
      submittedBy: partnerUserId,
      status: "submitted" as const,
      measureId: null,
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
      organisationId: organisation("Eksempel Logistikk"),
      submittedBy: plannerUserId,
      status: "rejected" as const,
      measureId: null,
      reason: "Arealspørsmål behandles i kommuneplanens arealdel, ikke i næringsplanens handlingsplan.",
      published: false,
      costs: [],
    },
    {
      year: 2027,
      title: "Forskningsbasert evaluering av næringsplanen (eksempel)",
      description: "USN følger næringsplanen med en følgeevaluering over fire år.",
      effect: "Bedre kunnskapsgrunnlag for rulleringene.",
      organisationId: organisation("Universitetet"),
      submittedBy: plannerUserId,
      status: "deferred" as const,
      measureId: null,
      reason: "Vurderes når den nye næringsplanen skal lages.",
      published: false,
      costs: [{ year: 2028, amountNok: 300_000, funder: "Kommunen og Regionale forskningsfond" }],
    },
  ];

  const focusArea = measures2027[0]?.focusAreaId ?? null;
  const rows = await tx
    .insert(proposals)
    .values(
      specs.map((s, i) => ({
        municipalityId,
        cycleId: cycleOf(s.year).id,
        number: i + 1,
        title: s.title,
        description: s.description,
        expectedEffect: s.effect,
        focusAreaId: focusArea,
        organisationId: s.organisationId,
        submittedByUserId: s.submittedBy,
        status: s.status,
        decisionReason: s.reason,
        decidedAt: s.status === "submitted" ? null : decided(s.year),
        decidedByUserId: s.status === "submitted" ? null : plannerUserId,
        measureId: s.measureId,
        deferredToYear: s.status === "deferred" ? s.year + 1 : null,
        publishedAt: s.published ? new Date(`${s.year}-01-10T10:00:00Z`) : null,
        createdAt: new Date(`${s.year - 1}-02-15T10:00:00Z`),
      })),
    )
    .returning({ id: proposals.id, number: proposals.number });
  const idOf = (number: number) => {
    const row = rows.find((r) => r.number === number);
    if (!row) throw new Error(`demo proposals: no proposal ${number}`);
    return row.id;
  };
  const costRows = specs.flatMap((s, i) => s.costs.map((c) => ({ proposalId: idOf(i + 1), ...c })));
  if (costRows.length) await tx.insert(proposalCosts).values(costRows);

  const [question] = await tx
    .insert(comments)
    .values({
      municipalityId,
      targetType: "proposal",
      targetId: idOf(4),
      authorUserId: plannerUserId,
      visibility: "partners",
      body: "Takk for innspillet! Hvor mange bedrifter regner dere med kan være med det første året?",
      createdAt: new Date("2026-03-02T09:00:00Z"),
    })
    .returning({ id: comments.id });
  await tx.insert(comments).values([
    {
      municipalityId,
      targetType: "proposal",
      targetId: idOf(4),
      parentId: question?.id ?? null,
      authorUserId: partnerUserId,
      visibility: "partners",
      body: "Vi har tolv interesserte medlemsbedrifter, og tror på rundt tjue.",
      createdAt: new Date("2026-03-03T14:00:00Z"),
    },
    {
      municipalityId,
      targetType: "proposal",
      targetId: idOf(4),
      authorUserId: plannerUserId,
      visibility: "internal",
      body: "Internt: passer under klimamålet. Sjekk om fylkeskommunens omstillingsmidler kan brukes.",
      createdAt: new Date("2026-03-03T15:00:00Z"),
    },
  ]);
  await tx.insert(notifications).values([
    {
      municipalityId,
      userId: partnerUserId,
      kind: "proposal_decided",
      title: `Innspillet ditt er tatt inn: ${specs[2]?.title}`,
      link: "/innspill/3",
      createdAt: decided(2027),
    },
    {
      municipalityId,
      userId: plannerUserId,
      kind: "proposal_comment",
      title: `Ny kommentar fra partner: Innspill 4: ${specs[3]?.title}`,
      link: "/innspill/4",
      createdAt: new Date("2026-03-03T14:00:00Z"),
    },
  ]);
}
