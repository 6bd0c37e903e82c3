import { type CycleMessageKey, formatDay } from "../i18n/cycle-messages.ts";

type Translate = (key: CycleMessageKey, params?: Record<string, string | number>) => string;

/** "Handlingsplan 2027" or "Handlingsplan 2027, revisjon 1". */
export function versionName(c: Translate, budgetYear: number, revision: number): string {
  return revision === 0
    ? c("cycle.versionLink", { year: budgetYear })
    : c("cycle.versionLinkRevision", { year: budgetYear, revision });
}

/** "Vedtatt av Bystyret 15.12.2026, sak 123/26", or null while a draft. */
export function decisionText(
  c: Translate,
  language: Parameters<typeof formatDay>[1],
  v: { status: string; adoptedOn: string | null; decisionBody: string | null; caseReference: string | null },
): string | null {
  if (v.status !== "adopted" || !v.adoptedOn) return null;
  return c("decision", {
    body: v.decisionBody ?? "",
    date: formatDay(v.adoptedOn, language, "numeric"),
    caseReference: v.caseReference ?? "",
  });
}
