import { checkNotBinary, StatisticsFileError } from "./table.ts";

// The bytes of an uploaded or fetched statistics file, read as text in the encoding they are in.

/** The encodings a statistics file is read in: what Statistics Norway and Excel on a Norwegian PC save. */
export const textEncodings = ["utf-8", "utf-8-bom", "windows-1252"] as const;
export type TextEncoding = (typeof textEncodings)[number];

/** How an encoding is named to a person (the same in every language). */
export const textEncodingNames: Record<TextEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8 (BOM)",
  "windows-1252": "Windows-1252",
};

/** Bytes that Windows-1252 leaves undefined: a file holding them is not Windows-1252 text. */
const undefinedIn1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

export const unknownEncodingMessage =
  "Filen er verken UTF-8 eller Windows-1252, og tegnene kan ikke leses. Lagre den på nytt som CSV (i Excel: «CSV UTF-8 (kommadelt)») eller last ned tabellen som JSON-stat, og prøv igjen.";

/**
 * Reads a file's bytes as text: UTF-8 with or without a byte order mark when the bytes are valid
 * UTF-8, else Windows-1252 (what Excel on a Norwegian PC saves as «CSV (semikolondelt)»), so
 * «Øvre Eiker» stays «Øvre Eiker». A PDF, a spreadsheet or an image is named as such; bytes that are
 * neither encoding are refused with a message that says so.
 */
export function decodeStatisticsBytes(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    // The decoder drops a byte order mark.
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { text, encoding: bom ? "utf-8-bom" : "utf-8" };
  } catch {
    // Not UTF-8: see below.
  }
  checkNotBinary(String.fromCharCode(...bytes.subarray(0, 8)));
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (bom || utf16) throw new StatisticsFileError(unknownEncodingMessage);
  for (const byte of bytes) {
    if (byte === 0 || undefinedIn1252.has(byte)) throw new StatisticsFileError(unknownEncodingMessage);
  }
  return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
}
