import { describe, expect, it } from "vitest";
import { namesItsKind } from "./case-reference.ts";

describe("namesItsKind", () => {
  it("sees «sak», «saksnr.», «saksnummer» and «case» at the start, and not a bare number", () => {
    for (const ref of [
      "sak 999/25",
      "Sak 12/26 (eksempel)",
      "saksnr. 2025/123",
      "Saksnummer 1/25",
      "case 4/25",
    ])
      expect(namesItsKind(ref), ref).toBe(true);
    for (const ref of ["999/25", "2025/123", "PS 12/25", "saksbehandler 1"])
      expect(namesItsKind(ref), ref).toBe(false);
  });
});
