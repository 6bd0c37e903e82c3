import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { sampleStatusReport } from "./status-report-sample.ts";
import { statusReportXlsx } from "./status-report-xlsx.ts";

describe("the status data in Excel", () => {
  it("has one row per measure with numbers as numbers, a frozen bold header and a filter", async () => {
    const workbook = new ExcelJS.Workbook();
    const file = await statusReportXlsx(sampleStatusReport(30));
    await workbook.xlsx.load(
      file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer,
    );
    const sheet = workbook.getWorksheet("Status");
    if (!sheet) throw new Error("no sheet");
    expect(sheet.rowCount).toBe(31);
    expect(sheet.getRow(1).getCell(1).value).toBe("Tiltak");
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const rows = sheet.getRows(2, 30) ?? [];
    const t015 = rows.find((r) => r.getCell(1).value === "T-015");
    expect(t015?.getCell(5).value).toBe("Alvorlig avvik");
    // Planned: 100 000 + 15 × 1 000 municipal, 50 000 external.
    expect(t015?.getCell(11).value).toBe(165_000);
    expect(t015?.getCell(11).numFmt).toBe("#,##0");
    expect(t015?.getCell(7).value).toBeCloseTo(((15 * 7) % 101) / 100);
    const budget = workbook.getWorksheet("Budsjett");
    const sum = budget?.getRow(budget.rowCount);
    expect(sum?.getCell(1).value).toBe("Sum");
    expect(sum?.getCell(2).value).toBe(30 * 100_000 + 1_000 * 465 + 30 * 50_000);
  });
});
