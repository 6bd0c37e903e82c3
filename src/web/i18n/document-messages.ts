import { useMemo } from "react";
import { useLanguage } from "./language.tsx";
import type { Language } from "./messages.ts";

/** Interface texts of the action plan documents (downloads) and the measures import from Excel. */
const nb = {
  "docs.heading": "Last ned handlingsplanen",
  "docs.intro":
    "Word-dokumentet er klart til saken for bystyret, PDF-en for publisering, og Excel-arket har ett tiltak per rad med kostnad per år.",
  "docs.docx": "Word (.docx)",
  "docs.pdf": "PDF",
  "docs.xlsx": "Excel (.xlsx)",
  "docs.importLink": "Importer tiltak fra Excel",
  "import.heading": "Importer tiltak fra Excel",
  "import.back": "Tilbake til handlingsplanen",
  "import.intro":
    "Last ned Excel-arket, gjør endringene i Excel og last det opp her. Rader med referanse endrer tiltaket; rader uten referanse blir nye tiltak. Du ser alle endringer og feil før noe lagres.",
  "import.columns":
    "Et eget regneark går også, med samme kolonneoverskrifter: Referanse, Tittel, Satsingsområde, Ansvarlig enhet, Kontaktperson, Partnere, Fra år, Til år, Kommunal kilde, Kommunalt <år>, Ekstern kilde, Eksternt <år>. Tittel må være med.",
  "import.file": "Regneark (.xlsx, høyst 5 MB)",
  "import.preview": "Se endringene",
  "import.chooseFile": "Velg et regneark først.",
  "import.previewHeading": "Endringer i utkastet til handlingsplan {year}",
  "import.summary": "Nye tiltak: {new}. Endrede: {changed}. Uendrede: {unchanged}.",
  "import.problemsHeading": "Regnearket har {count} feil",
  "import.problemsIntro":
    "Ingenting kan lagres før feilene er rettet. Rett dem i regnearket og last det opp på nytt.",
  "import.problemsCaption": "Feil i regnearket, med ark, rad og kolonne",
  "import.sheet": "Ark",
  "import.row": "Rad",
  "import.column": "Kolonne",
  "import.reason": "Feil",
  "import.changesCaption": "Tiltakene i regnearket og hva som endres",
  "import.measure": "Tiltak",
  "import.what": "Endring",
  "import.kind.new": "Nytt",
  "import.kind.changed": "Endret",
  "import.kind.unchanged": "Uendret",
  "import.kind.restore": "Settes inn igjen",
  "import.restored": "Tatt ut av forslaget, settes inn igjen: {count}.",
  "import.newReference": "(ny)",
  "import.before": "før",
  "import.after": "etter",
  "import.field": "{column}: {before} → {after}",
  "import.empty": "(tomt)",
  "import.apply": "Lagre endringene",
  "import.nothing": "Regnearket endrer ingenting.",
  "import.applied": "Importen er lagret. Nye tiltak: {created}. Endrede: {changed}.",
  "import.refused": "Importen ble ikke lagret",
  "import.notPlanner": "Bare planleggere kan importere tiltak.",
  "import.adopted":
    "Handlingsplanen for {year} er vedtatt og kan ikke endres. Import går bare til et utkast.",
} as const;
type DocumentMessageKey = keyof typeof nb;

const nn: Record<DocumentMessageKey, string> = {
  ...nb,
  "docs.heading": "Last ned handlingsplanen",
  "docs.intro":
    "Word-dokumentet er klart til saka for bystyret, PDF-en for publisering, og Excel-arket har eitt tiltak per rad med kostnad per år.",
  "docs.importLink": "Importer tiltak frå Excel",
  "import.heading": "Importer tiltak frå Excel",
  "import.back": "Tilbake til handlingsplanen",
  "import.intro":
    "Last ned Excel-arket, gjer endringane i Excel og last det opp her. Rader med referanse endrar tiltaket; rader utan referanse blir nye tiltak. Du ser alle endringar og feil før noko blir lagra.",
  "import.columns":
    "Eit eige rekneark går òg, med same kolonneoverskrifter: Referanse, Tittel, Satsingsområde, Ansvarlig enhet, Kontaktperson, Partnere, Fra år, Til år, Kommunal kilde, Kommunalt <år>, Ekstern kilde, Eksternt <år>. Tittel må vere med.",
  "import.file": "Rekneark (.xlsx, høgst 5 MB)",
  "import.preview": "Sjå endringane",
  "import.chooseFile": "Vel eit rekneark først.",
  "import.previewHeading": "Endringar i utkastet til handlingsplan {year}",
  "import.summary": "Nye tiltak: {new}. Endra: {changed}. Uendra: {unchanged}.",
  "import.problemsHeading": "Reknearket har {count} feil",
  "import.problemsIntro":
    "Ingenting kan lagrast før feila er retta. Rett dei i reknearket og last det opp på nytt.",
  "import.problemsCaption": "Feil i reknearket, med ark, rad og kolonne",
  "import.changesCaption": "Tiltaka i reknearket og kva som blir endra",
  "import.what": "Endring",
  "import.kind.new": "Nytt",
  "import.kind.changed": "Endra",
  "import.kind.unchanged": "Uendra",
  "import.kind.restore": "Blir sett inn att",
  "import.restored": "Teke ut av forslaget, blir sett inn att: {count}.",
  "import.apply": "Lagre endringane",
  "import.nothing": "Reknearket endrar ingenting.",
  "import.applied": "Importen er lagra. Nye tiltak: {created}. Endra: {changed}.",
  "import.refused": "Importen vart ikkje lagra",
  "import.notPlanner": "Berre planleggjarar kan importere tiltak.",
  "import.adopted":
    "Handlingsplanen for {year} er vedteken og kan ikkje endrast. Import går berre til eit utkast.",
};

const en: Record<DocumentMessageKey, string> = {
  "docs.heading": "Download the action plan",
  "docs.intro":
    "The Word document is ready for the council's case, the PDF for publishing, and the Excel sheet has one measure per row with its cost per year.",
  "docs.docx": "Word (.docx)",
  "docs.pdf": "PDF",
  "docs.xlsx": "Excel (.xlsx)",
  "docs.importLink": "Import measures from Excel",
  "import.heading": "Import measures from Excel",
  "import.back": "Back to the action plan",
  "import.intro":
    "Download the Excel sheet, make your changes in Excel and upload it here. Rows with a reference change that measure; rows without one become new measures. You see every change and every error before anything is saved.",
  "import.columns":
    "A sheet of your own works too, with the same (Norwegian) column headings: Referanse, Tittel, Satsingsområde, Ansvarlig enhet, Kontaktperson, Partnere, Fra år, Til år, Kommunal kilde, Kommunalt <year>, Ekstern kilde, Eksternt <year>. Tittel is required.",
  "import.file": "Spreadsheet (.xlsx, at most 5 MB)",
  "import.preview": "Show the changes",
  "import.chooseFile": "Choose a spreadsheet first.",
  "import.previewHeading": "Changes to the draft action plan {year}",
  "import.summary": "New measures: {new}. Changed: {changed}. Unchanged: {unchanged}.",
  "import.problemsHeading": "The spreadsheet has {count} errors",
  "import.problemsIntro":
    "Nothing can be saved until the errors are fixed. Fix them in the spreadsheet and upload it again.",
  "import.problemsCaption": "Errors in the spreadsheet, with sheet, row and column",
  "import.sheet": "Sheet",
  "import.row": "Row",
  "import.column": "Column",
  "import.reason": "Error",
  "import.changesCaption": "The measures in the spreadsheet and what changes",
  "import.measure": "Measure",
  "import.what": "Change",
  "import.kind.new": "New",
  "import.kind.changed": "Changed",
  "import.kind.unchanged": "Unchanged",
  "import.kind.restore": "Put back",
  "import.restored": "Taken out of the draft, put back: {count}.",
  "import.newReference": "(new)",
  "import.before": "before",
  "import.after": "after",
  "import.field": "{column}: {before} → {after}",
  "import.empty": "(empty)",
  "import.apply": "Save the changes",
  "import.nothing": "The spreadsheet changes nothing.",
  "import.applied": "The import is saved. New measures: {created}. Changed: {changed}.",
  "import.refused": "The import was not saved",
  "import.notPlanner": "Only planners can import measures.",
  "import.adopted": "The action plan for {year} is adopted and cannot change. Imports go only to a draft.",
};

export const documentMessages: Record<Language, Record<DocumentMessageKey, string>> = { nb, nn, en };

export function translateDocuments(
  language: Language,
  key: DocumentMessageKey,
  params: Record<string, string | number> = {},
): string {
  return documentMessages[language][key].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(params[name] ?? `{${name}}`),
  );
}

/** The document and import texts in the chosen language. */
export function useDocumentMessages() {
  const { language } = useLanguage();
  return useMemo(
    () => ({
      d: (key: DocumentMessageKey, params?: Record<string, string | number>) =>
        translateDocuments(language, key, params),
    }),
    [language],
  );
}
