import { describe, expect, it } from "vitest";
import { createSecretBox } from "./secret-box.ts";

describe("secret box", () => {
  const key = "a-test-key-that-is-at-least-32-characters-long";
  it("seals so the stored text does not contain the secret, and opens it again", () => {
    const box = createSecretBox(key);
    const sealed = box.seal("JBSWY3DPEHPK3PXP");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(sealed.startsWith("v1:")).toBe(true);
    expect(box.open(sealed)).toBe("JBSWY3DPEHPK3PXP");
  });
  it("refuses another key (the database alone is not enough)", () => {
    const sealed = createSecretBox(key).seal("JBSWY3DPEHPK3PXP");
    expect(() => createSecretBox(`${key}-other`).open(sealed)).toThrow();
    expect(() => createSecretBox(null).open(sealed)).toThrow(/PLANVERK_SECRET_KEY/);
  });
  it("without a key stores plainly, and still reads that after a key is set", () => {
    const plain = createSecretBox(null).seal("JBSWY3DPEHPK3PXP");
    expect(plain).toBe("plain:JBSWY3DPEHPK3PXP");
    expect(createSecretBox(key).open(plain)).toBe("JBSWY3DPEHPK3PXP");
  });
});
