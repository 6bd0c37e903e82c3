import { formatNok, type Nok } from "../domain/money.ts";

/**
 * Norwegian number and date formats shared by every Word, PDF and Excel file Planverk makes, so
 * the status report and the action plan write money, dates and page numbers the same way.
 */

/** «1 250 000» (no unit: tables say «kr» in their heading). */
export const kroner = (amount: Nok) => formatNok(amount).replace(/\u00a0kr$/, "");

const longDate = new Intl.DateTimeFormat("nb-NO", { day: "numeric", month: "long", year: "numeric" });
/** «3. desember 2026». */
export const norwegianDate = (date: Date | string) =>
  longDate.format(typeof date === "string" ? new Date(`${date}T12:00:00Z`) : date);

const shortDate = new Intl.DateTimeFormat("nb-NO", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  timeZone: "Europe/Oslo",
});
/** «30.04.2026», the day in Norway. */
export const norwegianShortDate = (date: Date) => shortDate.format(date);

/** Whether a table cell holds a number (money, percent, points or «–»), to right-align it. */
export const isNumericText = (text: string) =>
  /^[−+-]?[\d\u00a0 ]+(\u00a0kr| %| p\.p\.)?$/.test(text) || text === "–";

/** Whether a table column (after the first) holds numbers, so its heading is right-aligned too. */
export const numericColumn = (rows: string[][], column: number) =>
  column > 0 &&
  rows.some((row) => row[column] !== undefined && row[column] !== "–" && isNumericText(row[column]));

/** Excel's format for whole kroner with thousands separators. */
export const kronerNumFmt = "#,##0";

/** The page footer text: «Side 2 av 7», or «<title> – side 2 av 7» when it names the document. */
export const pageOf = (page: number | string, pages: number | string, title?: string) =>
  title ? `${title} – side ${page} av ${pages}` : `Side ${page} av ${pages}`;
