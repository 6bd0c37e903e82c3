import { formatNok } from "../domain/money.ts";
import {
  type CompiledMeasure,
  type CompiledReport,
  type Distribution,
  formatNorwegianDate,
  type Light,
  lightLabels,
  measureStatusLabels,
} from "../domain/status-report.ts";
import { norwegianShortDate } from "./formats.ts";

/** The texts and table rows the Word and PDF versions of the compiled status report share (bokmål). */
export const lights: Light[] = ["serious_deviation", "deviation", "on_track", "not_reported"];

export const docTitle = (r: CompiledReport) => `Statusrapport ${r.title}`;
export const docSubtitle = (r: CompiledReport) =>
  `${r.municipalityName} – status per ${formatNorwegianDate(r.asOf)}`;

export const percent = (value: number | null) => (value === null ? "–" : `${value} %`);
export const change = (value: number | null) =>
  value === null ? "–" : value > 0 ? `+${value} p.p.` : value < 0 ? `−${-value} p.p.` : "0 p.p.";

export function distributionRows(d: Distribution): string[][] {
  const total = lights.reduce((s, l) => s + d[l], 0);
  return [...lights.map((l) => [lightLabels[l], String(d[l])]), ["Sum", String(total)]];
}

export const distributionSentence = (d: Distribution) =>
  lights
    .filter((l) => d[l] > 0)
    .map((l) => `${lightLabels[l].toLowerCase()}: ${d[l]}`)
    .join(", ");

export const budgetHeader = (year: number) => ["Område", `Planlagt ${year}`, "Brukt så langt", "Gjenstår"];
export function budgetRows(r: CompiledReport): string[][] {
  return [...r.budget.lines, r.budget.total].map((l) => [
    l.area,
    formatNok(l.plannedNok),
    formatNok(l.spentNok),
    formatNok(l.remainingNok),
  ]);
}

export const measureHeader = ["Tiltak", "Status", "Fremdrift", "Endring", "Milepæler", "Planlagt", "Brukt"];
export function measureRow(m: CompiledMeasure): string[] {
  return [
    `${m.reference} ${m.title}`,
    m.light === "not_reported"
      ? lightLabels.not_reported
      : `${lightLabels[m.light]}${m.measureStatus ? ` (${measureStatusLabels[m.measureStatus].toLowerCase()})` : ""}`,
    percent(m.progress),
    change(m.progressChange),
    m.milestones.total ? `${m.milestones.reached} av ${m.milestones.total}` : "–",
    formatNok(m.plannedNok),
    formatNok(m.spentNok),
  ];
}

export const deviationHeader = ["Tiltak", "Status", "Forklaring"];
export function deviations(r: CompiledReport): CompiledMeasure[] {
  return r.focusAreas
    .flatMap((fa) => fa.measures)
    .filter((m) => m.light === "deviation" || m.light === "serious_deviation")
    .sort((a, b) => lights.indexOf(a.light) - lights.indexOf(b.light));
}

/** The narrative of one measure, as labelled paragraphs (only those with text). */
export function narrative(m: CompiledMeasure): [string, string][] {
  return (
    [
      ["Forklaring", m.explanation],
      ["Gjennomført i perioden", m.achieved],
      ["Videre arbeid", m.nextSteps],
      ["Risiko", m.risks],
    ] as [string, string][]
  ).filter(([, text]) => text.trim() !== "");
}

export const generatedOn = (date = new Date()) => `Laget i Planverk ${norwegianShortDate(date)}`;
