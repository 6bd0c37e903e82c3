import { eq } from "drizzle-orm";
import { municipalities } from "../../db/schema/index.ts";
import { parseOrganisationNumber } from "../../domain/organisation-number.ts";
import { AppError } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { websiteProblem } from "../organisations/internal.ts";
import type { MunicipalityPublicSettings } from "./get-public-settings.ts";

/**
 * Sets the address of the municipality's accessibility statement (linked from every public page's
 * footer) and its organisation number (the publisher in the open data catalogue), by its admins.
 * Blank clears either. The organisation number is checked with Brønnøysund's rule; the address must
 * be an http(s) address. Audited with what changed.
 */
export async function setPublicSettings({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; accessibilityStatementUrl: string; organisationNumber: string };
}): Promise<MunicipalityPublicSettings> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "update", "municipality");
  const problems: { path: string; message: string }[] = [];
  const url = input.accessibilityStatementUrl.trim();
  const urlProblem = url === "" ? null : websiteProblem(url);
  if (urlProblem) problems.push({ path: "/accessibilityStatementUrl", message: urlProblem });
  const rawNumber = input.organisationNumber.trim();
  let organisationNumber: string | null = null;
  if (rawNumber !== "") {
    const parsed = parseOrganisationNumber(rawNumber);
    if (parsed.ok) organisationNumber = parsed.value;
    else problems.push({ path: "/organisationNumber", message: parsed.message });
  }
  if (problems.length > 0) throw new AppError("validation", "common.invalidRequest", {}, problems);

  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(municipalities)
      .where(eq(municipalities.id, tenant.id))
      .for("update");
    if (!row) throw new AppError("not_found", "notFound.municipality");
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    if (row.accessibilityStatementUrl !== url)
      changes.accessibilityStatementUrl = { before: row.accessibilityStatementUrl, after: url };
    if (row.organisationNumber !== organisationNumber)
      changes.organisationNumber = { before: row.organisationNumber, after: organisationNumber };
    if (Object.keys(changes).length > 0) {
      await tx
        .update(municipalities)
        .set({ accessibilityStatementUrl: url, organisationNumber })
        .where(eq(municipalities.id, row.id));
      await recordAudit(
        tx,
        ctx.actor,
        {
          municipalityId: row.id,
          objectType: "municipality",
          objectId: row.id,
          objectLabel: `${row.number} ${row.name}`,
          action: "update",
          changes,
        },
        ctx.requestId,
      );
    }
    return { number: row.number, name: row.name, accessibilityStatementUrl: url, organisationNumber };
  });
}
