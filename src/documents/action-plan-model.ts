import { formatNok, type Nok, sumNok } from "../domain/money.ts";
import { norwegianDate } from "./formats.ts";

/** Everything the action plan documents (Word, PDF, Excel) show, loaded once by the service. */
export type ActionPlanDocument = {
  municipalityName: string;
  planTitle: string;
  budgetYear: number;
  years: number[];
  revision: number;
  status: "draft" | "adopted";
  reason: string | null;
  adoptedOn: string | null;
  decisionBody: string | null;
  caseReference: string | null;
  generatedAt: Date;
  focusAreas: { title: string; measures: DocumentMeasure[] }[];
  frames: {
    areas: {
      name: string;
      rows: { year: number; frameNok: Nok | null; adopted: boolean; sumNok: Nok; remainingNok: Nok | null }[];
    }[];
    overruns: { year: number; area: string; excessNok: Nok }[];
  };
  /** Shared measures counted in the frame check: this municipality's part per year (optional). */
  sharedMeasures?: {
    reference: string;
    title: string;
    ownerName: string;
    role: "owner" | "participant";
    sharePercent: number;
    byYear: { year: number; amountNok: Nok }[];
  }[];
  /** The rolling comparison with the previous year's adopted plan; null when there is none. */
  changes: {
    fromBudgetYear: number;
    fromRevision: number;
    added: { reference: string; title: string }[];
    removed: { reference: string; title: string }[];
    changed: { reference: string; title: string; fields: string[] }[];
    unchanged: number;
    totals: { year: number; before: Nok; after: Nok; difference: Nok }[];
  } | null;
};

export type DocumentMeasure = {
  reference: string;
  title: string;
  focusAreaTitle: string;
  responsibleUnit: string;
  contactPerson: string;
  partners: { name: string; role: "lead" | "contributor" | "funder" }[];
  startYear: number;
  endYear: number;
  municipalSources: string[];
  externalSources: string[];
  municipalByYear: Record<number, Nok>;
  externalByYear: Record<number, Nok>;
};

export const allMeasures = (doc: ActionPlanDocument) => doc.focusAreas.flatMap((f) => f.measures);
export const municipalIn = (m: DocumentMeasure, year: number) => m.municipalByYear[year] ?? 0;
export const externalIn = (m: DocumentMeasure, year: number) => m.externalByYear[year] ?? 0;
export const municipalTotal = (m: DocumentMeasure) => sumNok(Object.values(m.municipalByYear));
export const externalTotal = (m: DocumentMeasure) => sumNok(Object.values(m.externalByYear));
export const yearTotal = (measures: DocumentMeasure[], year: number, kind: "municipal" | "external") =>
  sumNok(measures.map((m) => (kind === "municipal" ? municipalIn(m, year) : externalIn(m, year))));

export const roleText = { lead: "ansvarlig", contributor: "bidragsyter", funder: "finansierer" } as const;
export const fieldText: Record<string, string> = {
  title: "tittel",
  description: "beskrivelse",
  focusArea: "satsingsområde",
  goals: "mål",
  objectives: "delmål",
  responsibleUnit: "ansvarlig enhet",
  contactPerson: "kontaktperson",
  owner: "tiltakseier",
  partners: "partnere",
  period: "periode",
  tags: "stikkord",
  links: "lenker",
};
export const fieldLabel = (field: string) =>
  field.startsWith("cost:") ? `kostnad ${field.slice(5)}` : (fieldText[field] ?? field);

/** «sak 123/26», whether or not the reference was written with «sak». */
const caseText = (reference: string | null) =>
  !reference ? "uten saksnummer" : /^sak\b/i.test(reference) ? reference : `sak ${reference}`;

/** The title-page texts shared by Word and PDF. */
export function titleTexts(doc: ActionPlanDocument) {
  const period = `${doc.years[0]}–${doc.years.at(-1)}`;
  return {
    title: `Handlingsplan ${doc.budgetYear}`,
    subtitle: doc.planTitle,
    period: `Handlings- og økonomiplanperioden ${period}`,
    revision: doc.revision === 0 ? null : `Revisjon ${doc.revision}${doc.reason ? `: ${doc.reason}` : ""}`,
    status:
      doc.status === "adopted"
        ? `Vedtatt av ${doc.decisionBody ?? "–"} ${doc.adoptedOn ? norwegianDate(doc.adoptedOn) : ""}, ${caseText(doc.caseReference)}`
        : "Utkast – ikke vedtatt",
    generated: `Laget i Planverk ${norwegianDate(doc.generatedAt)}`,
  };
}

/** The summary paragraph(s) shared by Word and PDF. */
export function summaryTexts(doc: ActionPlanDocument): string[] {
  const measures = allMeasures(doc);
  const municipal = sumNok(measures.map(municipalTotal));
  const external = sumNok(measures.map(externalTotal));
  const areas = doc.focusAreas.filter((f) => f.measures.length > 0);
  const texts = [
    `Handlingsplanen for ${doc.budgetYear} har ${measures.length} tiltak fordelt på ${areas.length} satsingsområder. ` +
      `Kommunale midler til tiltakene er ${formatNok(municipal)} i perioden ${doc.years[0]}–${doc.years.at(-1)}, ` +
      `i tillegg kommer ekstern finansiering på ${formatNok(external)}.`,
    doc.frames.overruns.length === 0
      ? "Tiltakene holder seg innenfor budsjettrammene for alle år og rammeområder."
      : `Tiltakene går over rammen ${doc.frames.overruns.length} steder: ${doc.frames.overruns
          .map((o) => `${o.area} ${o.year} (${formatNok(o.excessNok)} over)`)
          .join(", ")}.`,
  ];
  if (doc.changes)
    texts.push(
      `Sammenlignet med handlingsplanen for ${doc.changes.fromBudgetYear} er det ` +
        `${countOf(doc.changes.added.length, "nytt tiltak", "nye tiltak")}, ` +
        `${countOf(doc.changes.changed.length, "endret", "endrede")} og ${doc.changes.removed.length} som er tatt ut.`,
    );
  return texts;
}

/** «1 endret», «2 endrede»: a count with the word in singular or plural (tiltak is neuter). */
export function countOf(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** The sentence's counts of a comparison: «1 nytt, 2 endrede, 0 tatt ut og 1 uendret tiltak». */
export function changeCountsText(c: { added: number; changed: number; removed: number; unchanged: number }) {
  return (
    `${countOf(c.added, "nytt", "nye")}, ${countOf(c.changed, "endret", "endrede")}, ` +
    `${c.removed} tatt ut og ${countOf(c.unchanged, "uendret", "uendrede")} tiltak`
  );
}
