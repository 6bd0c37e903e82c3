import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { indicators } from "../../db/schema/index.ts";
import { notFound } from "../../errors.ts";

/** The municipality's indicator with this id; 404 when there is none. `lock` locks it for the transaction. */
export async function indicatorById(
  db: DbOrTx,
  tenant: { id: string },
  indicatorId: string,
  options: { lock?: boolean } = {},
) {
  const query = db
    .select()
    .from(indicators)
    .where(and(eq(indicators.id, indicatorId), eq(indicators.municipalityId, tenant.id)));
  const [indicator] = options.lock ? await query.for("update") : await query;
  if (!indicator) throw notFound("indicator");
  return indicator;
}
