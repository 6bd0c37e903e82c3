import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { withPermissionsTable } from "../domain/permissions-doc.ts";
import { rootDir } from "./web-build.ts";

/**
 * `npm run docs:permissions`: writes the permission table of src/domain/permissions.ts into
 * docs/SECURITY.md between its markers. With --check it only says whether the document is up to date.
 */
const file = path.join(rootDir, "docs/SECURITY.md");
const current = readFileSync(file, "utf8");
const next = withPermissionsTable(current);
if (process.argv.includes("--check")) {
  if (next !== current) {
    console.error("docs/SECURITY.md: the permission table is out of date; run `npm run docs:permissions`.");
    process.exit(1);
  }
  console.log("docs/SECURITY.md: the permission table is up to date.");
} else if (next !== current) {
  writeFileSync(file, next);
  console.log("docs/SECURITY.md: permission table written.");
} else console.log("docs/SECURITY.md: the permission table was already up to date.");
