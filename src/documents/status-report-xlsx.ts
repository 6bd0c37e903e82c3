import ExcelJS from "exceljs";
import { type CompiledReport, lightLabels, measureStatusLabels } from "../domain/status-report.ts";
import { kronerNumFmt } from "./formats.ts";

/**
 * The status data of a period as an Excel sheet: one row per measure, with a bold frozen header row,
 * a filter, whole-krone and percent formats; and a sheet of the budget per area.
 */
export async function statusReportXlsx(report: CompiledReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Planverk";
  const sheet = workbook.addWorksheet("Status", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: "Tiltak", key: "reference", width: 10 },
    { header: "Tittel", key: "title", width: 40 },
    { header: "Satsingsområde", key: "focusArea", width: 28 },
    { header: "Eier", key: "owner", width: 22 },
    { header: "Status", key: "light", width: 16 },
    { header: "Tiltaksstatus", key: "measureStatus", width: 14 },
    { header: "Fremdrift", key: "progress", width: 11, style: { numFmt: "0 %" } },
    { header: "Endring (p.p.)", key: "change", width: 13, style: { numFmt: "+0;-0;0" } },
    { header: "Milepæler nådd", key: "reached", width: 14 },
    { header: "Milepæler i alt", key: "milestones", width: 14 },
    {
      header: `Planlagt ${report.budgetYear} (kr)`,
      key: "planned",
      width: 16,
      style: { numFmt: kronerNumFmt },
    },
    { header: "Brukt (kr)", key: "spent", width: 14, style: { numFmt: kronerNumFmt } },
    { header: "Forklaring", key: "explanation", width: 40 },
    { header: "Gjennomført", key: "achieved", width: 40 },
    { header: "Videre arbeid", key: "nextSteps", width: 40 },
    { header: "Risiko", key: "risks", width: 30 },
  ];
  for (const area of report.focusAreas) {
    for (const m of area.measures) {
      sheet.addRow({
        reference: m.reference,
        title: m.title,
        focusArea: area.title,
        owner: m.ownerName ?? "",
        light: lightLabels[m.light],
        measureStatus: m.measureStatus ? measureStatusLabels[m.measureStatus] : "",
        progress: m.progress === null ? null : m.progress / 100,
        change: m.progressChange,
        reached: m.milestones.reached,
        milestones: m.milestones.total,
        planned: m.plannedNok,
        spent: m.spentNok,
        explanation: m.explanation,
        achieved: m.achieved,
        nextSteps: m.nextSteps,
        risks: m.risks,
      });
    }
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F0" } };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };

  const budget = workbook.addWorksheet("Budsjett", { views: [{ state: "frozen", ySplit: 1 }] });
  budget.columns = [
    { header: "Område", key: "area", width: 34 },
    {
      header: `Planlagt ${report.budgetYear} (kr)`,
      key: "planned",
      width: 18,
      style: { numFmt: kronerNumFmt },
    },
    { header: "Brukt (kr)", key: "spent", width: 16, style: { numFmt: kronerNumFmt } },
    { header: "Gjenstår (kr)", key: "remaining", width: 16, style: { numFmt: kronerNumFmt } },
  ];
  for (const l of [...report.budget.lines, report.budget.total])
    budget.addRow({ area: l.area, planned: l.plannedNok, spent: l.spentNok, remaining: l.remainingNok });
  budget.getRow(1).font = { bold: true };
  budget.getRow(budget.rowCount).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
