import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { measures } from "../../db/schema/index.ts";
import { notFound } from "../../errors.ts";

/**
 * The measure with this reference in the municipality; 404 when there is none. `lock` takes a row
 * lock for the rest of the transaction (a delete checks the measure's versions before it goes).
 */
export async function measureByReference(
  db: DbOrTx,
  tenant: { id: string },
  reference: string,
  options: { lock?: boolean } = {},
) {
  const query = db
    .select()
    .from(measures)
    .where(and(eq(measures.municipalityId, tenant.id), eq(measures.reference, reference)));
  const [measure] = options.lock ? await query.for("update") : await query;
  if (!measure) throw notFound("Tiltaket");
  return measure;
}
