import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { cruise, type ICruiseResult, type IFlattenedRuleSet } from "dependency-cruiser";
import { describe, expect, it } from "vitest";

// The layer check of `npm run check` (.dependency-cruiser.cjs) run on two small trees: one that
// keeps to the arrows and one where a file of each layer breaks one.
const config = createRequire(import.meta.url)("../.dependency-cruiser.cjs") as {
  forbidden: IFlattenedRuleSet["forbidden"];
  options: Record<string, unknown>;
};

async function violations(tree: "good" | "bad"): Promise<string[]> {
  const { output } = await cruise(["src"], {
    ...config.options,
    baseDir: fileURLToPath(new URL(`./fixtures/layers/${tree}`, import.meta.url)),
    validate: true,
    ruleSet: { forbidden: config.forbidden },
  });
  const result = output as ICruiseResult;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe("the layer check", () => {
  it("passes a tree that keeps to the arrows, type-only imports of server code included", async () => {
    expect(await violations("good")).toEqual([]);
  });

  it("fails on a deliberately wrong import in each layer", async () => {
    expect(await violations("bad")).toEqual([
      "domain-imports-nothing: src/domain/bad-type.ts → src/db/schema/things.ts",
      "domain-imports-nothing: src/domain/bad.ts → src/db/schema/things.ts",
      "http-db-types-only: src/http/bad-route.ts → src/db/schema/things.ts",
      "web-not-to-node: src/web/bad-page.ts → crypto",
      "web-server-types-only: src/web/bad-page.ts → src/db/schema/things.ts",
    ]);
  });
});
