import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  auditActionName,
  auditActions,
  auditCodesMatching,
  auditObjectName,
  auditObjects,
} from "./audit-terms.ts";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

const servicesDir = join(import.meta.dirname, "..", "services");
const code = sources(servicesDir)
  .map((file) => readFileSync(file, "utf8"))
  .join("\n");
const literals = (pattern: RegExp) => [...new Set([...code.matchAll(pattern)].map((m) => m[1] ?? ""))];

describe("the audit trail's names", () => {
  it("names every action code the services write, in all three languages", () => {
    const written = [
      ...literals(/\baction: "([a-z_]+)"/g),
      ...literals(/(?:const action =|recordShareAudit\([^"]*)"([a-z_]+)"/g),
      ...literals(
        /"(reorder_[a-z_]+|[a-z_]+_target|approve_status_report|return_status_report|join|leave|decline|update_share)"/g,
      ),
      ...["advance_phase", "step_back_phase", "close", "reopen", "publish", "unpublish", "share_withdraw"],
    ];
    expect(written.length).toBeGreaterThan(40);
    const missing = written.filter((c) => !(c in auditActions));
    expect(missing).toEqual([]);
    for (const c of written) expect(auditActionName("nn", c)).not.toBe(c);
  });

  it("names every object type the services write", () => {
    const written = [...literals(/\bobjectType: "([a-z_]+)"/g), "goal", "focus_area", "objective"];
    const missing = written.filter((c) => !(c in auditObjects));
    expect(missing).toEqual([]);
    expect(auditObjectName("nb", "measure")).toBe("tiltak");
    expect(auditObjectName("en", "unknown_kind")).toBe("unknown_kind");
  });

  it("finds codes by the names people type, in any language", () => {
    expect(auditCodesMatching("Tiltak").objectTypes).toEqual(["measure", "shared_measure"]);
    expect(auditCodesMatching("measure").objectTypes).toContain("measure");
    expect(auditCodesMatching("trukket tilbake").actions).toContain("withdraw_invitation");
    expect(auditCodesMatching("Invitasjon trukket tilbake").actions).toEqual(["withdraw_invitation"]);
    expect(auditCodesMatching("  ")).toEqual({ objectTypes: [], actions: [] });
    expect(auditCodesMatching("zzz")).toEqual({ objectTypes: [], actions: [] });
  });
});
