import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { forgeDeclaredSize, zipOf } from "../../test/zip.ts";
import { AppError } from "../errors.ts";
import { checkXlsxArchive, maxUnpackedBytes, readImportSheet, unpackedSize } from "./measures-import-xlsx.ts";

let good: Buffer;
beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Tiltak");
  sheet.addRow(["Nr.", "Tittel", "Kostnad 2027"]);
  sheet.addRow(["T-001", "Næringsvennlig kommune", 250_000]);
  sheet.addRow(["T-002", "Grønt næringsareal på Holmen", 1_000_000]);
  good = Buffer.from(await workbook.xlsx.writeBuffer());
});

/** Reads, and checks that a refusal is the domain's validation error with a Norwegian message. */
async function readOrRefuse(file: Buffer) {
  try {
    return await readImportSheet(file);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "validation") throw error;
    expect(error.message).toMatch(/[æøå]|Filen|Arket|Regnearket/);
    return null;
  }
}

const zip = (files: Record<string, string | Buffer>) => {
  const z = new JSZip();
  for (const [name, content] of Object.entries(files)) z.file(name, content, { createFolders: false });
  return z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
};

describe("reading the uploaded .xlsx", () => {
  it("reads the good workbook", async () => {
    const read = await readImportSheet(good);
    expect(read.sheet).toBe("Tiltak");
    expect(read.rows[1]).toEqual(["T-001", "Næringsvennlig kommune", 250_000]);
  });

  it("the declared size is the sum of the central directory; a forged one is caught by really unpacking", async () => {
    const file = zipOf({
      "[Content_Types].xml": "<Types/>",
      "xl/workbook.xml": "<workbook/>",
      "xl/big.bin": Buffer.alloc(maxUnpackedBytes + 1, 0),
    });
    expect(unpackedSize(file)).toBe(maxUnpackedBytes + 1 + "<Types/>".length + "<workbook/>".length);
    await expect(checkXlsxArchive(file)).rejects.toThrow(/pakkes ut til mer enn 100 MB/);
    // Forged: xl/big.bin says it unpacks to 10 bytes.
    const forged = forgeDeclaredSize(file, "xl/big.bin", 10);
    expect(unpackedSize(forged)).toBeLessThan(100);
    await expect(checkXlsxArchive(forged)).rejects.toThrow(/pakkes ut til mer enn 100 MB, eller er skadet/);
  }, 30_000);
});

describe("properties: whatever is uploaded, the reader reads it or refuses it clearly", () => {
  const numRuns = Number(process.env.FUZZ_RUNS ?? 60);

  it("arbitrary bytes, with and without the zip signature", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 4000 }),
        fc.constantFrom("", "PK", "PK\u0003\u0004", "PK\u0005\u0006"),
        async (bytes, prefix) => {
          expect(await readOrRefuse(Buffer.concat([Buffer.from(prefix, "latin1"), bytes]))).toBeNull();
        },
      ),
      { numRuns },
    );
  });

  it("the good workbook with bytes changed, cut short or with junk appended", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        fc.uint8Array({ maxLength: 200 }),
        async (changes, cut, tail) => {
          const file = Buffer.concat([Buffer.from(good), Buffer.from(tail)]);
          for (const [position, byte] of changes) file[position % file.length] = byte;
          const started = Date.now();
          await readOrRefuse(cut === undefined ? file : file.subarray(0, cut % file.length));
          expect(Date.now() - started).toBeLessThan(5_000);
        },
      ),
      { numRuns },
    );
  });

  it("zip archives of any parts and names", async () => {
    const name = fc.oneof(
      fc.string({ minLength: 1, maxLength: 20 }),
      fc.constantFrom(
        "[Content_Types].xml",
        "xl/workbook.xml",
        "xl/worksheets/sheet1.xml",
        "word/document.xml",
        "xl/vbaProject.bin",
        "../../x",
        "/etc/passwd",
        "C:/x",
        "a\\..\\b",
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(name, fc.oneof(fc.string({ maxLength: 100 }), fc.constant("<workbook/>")), {
          maxKeys: 6,
        }),
        async (files) => {
          await readOrRefuse(await zip(files));
        },
      ),
      { numRuns },
    );
  });
});
