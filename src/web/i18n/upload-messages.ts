import { useMemo } from "react";
import { useLanguage } from "./language.tsx";
import type { Language } from "./messages.ts";

/** Interface texts of file uploads checked in the browser before they are sent (the server checks again). */
const nb = {
  "upload.limit": "Høyst {max} MB.",
  "upload.tooLarge":
    "Filen «{name}» er større enn {max} MB ({size} MB). Velg et mindre utvalg i tabellen og last den ned på nytt.",
  "upload.empty": "Filen «{name}» er tom.",
  "upload.notText":
    "Filen «{name}» ser ikke ut som en tekstfil (JSON-stat eller CSV); den kan være et bilde, en PDF eller et regneark. Last ned tabellen som JSON-stat eller CSV og prøv igjen.",
  "upload.unknownEncoding":
    "Filen «{name}» er verken UTF-8 eller Windows-1252, og tegnene kan ikke leses. Lagre den på nytt som CSV (i Excel: «CSV UTF-8 (kommadelt)») eller last ned tabellen som JSON-stat, og prøv igjen.",
};

export type UploadMessageKey = keyof typeof nb;

const nn: Record<UploadMessageKey, string> = {
  "upload.limit": "Høgst {max} MB.",
  "upload.tooLarge":
    "Fila «{name}» er større enn {max} MB ({size} MB). Vel eit mindre utval i tabellen og last ho ned på nytt.",
  "upload.empty": "Fila «{name}» er tom.",
  "upload.notText":
    "Fila «{name}» ser ikkje ut som ei tekstfil (JSON-stat eller CSV); ho kan vere eit bilete, ein PDF eller eit rekneark. Last ned tabellen som JSON-stat eller CSV og prøv igjen.",
  "upload.unknownEncoding":
    "Fila «{name}» er verken UTF-8 eller Windows-1252, og teikna kan ikkje lesast. Lagre ho på nytt som CSV (i Excel: «CSV UTF-8 (kommadelt)») eller last ned tabellen som JSON-stat, og prøv igjen.",
};

const en: Record<UploadMessageKey, string> = {
  "upload.limit": "At most {max} MB.",
  "upload.tooLarge":
    "The file «{name}» is larger than {max} MB ({size} MB). Choose a smaller selection in the table and download it again.",
  "upload.empty": "The file «{name}» is empty.",
  "upload.notText":
    "The file «{name}» does not look like a text file (JSON-stat or CSV); it may be an image, a PDF or a spreadsheet. Download the table as JSON-stat or CSV and try again.",
  "upload.unknownEncoding":
    "The file «{name}» is neither UTF-8 nor Windows-1252, and its characters cannot be read. Save it again as CSV (in Excel: «CSV UTF-8 (Comma delimited)») or download the table as JSON-stat, and try again.",
};

export const uploadMessages: Record<Language, Record<UploadMessageKey, string>> = { nb, nn, en };

export function translateUpload(
  language: Language,
  key: UploadMessageKey,
  params: Record<string, string | number> = {},
): string {
  return uploadMessages[language][key].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(params[name] ?? `{${name}}`),
  );
}

/** Megabytes with one decimal in the interface language. */
export const megabytes = (bytes: number, language: Language) =>
  (bytes / 1024 / 1024).toLocaleString(language === "en" ? "en-GB" : "nb-NO", { maximumFractionDigits: 1 });

export function useUploadMessages() {
  const { language } = useLanguage();
  return useMemo(
    () => ({
      u: (key: UploadMessageKey, params?: Record<string, string | number>) =>
        translateUpload(language, key, params),
      mb: (bytes: number) => megabytes(bytes, language),
    }),
    [language],
  );
}
