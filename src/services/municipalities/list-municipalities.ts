import { asc, eq } from "drizzle-orm";
import { municipalities } from "../../db/schema/index.ts";
import type { ServiceContext } from "../context.ts";

/** The municipalities that use this installation. */
export async function listMunicipalities({ ctx }: { ctx: ServiceContext }) {
  return ctx.db
    .select({ number: municipalities.number, name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.active, true))
    .orderBy(asc(municipalities.name));
}
