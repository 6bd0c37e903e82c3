import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { municipalities } from "../../db/schema/index.ts";
import type { ServiceContext } from "../context.ts";

export type AccessibilityStatement = { number: string; name: string; url: string };

/**
 * The accessibility statements (tilgjengelighetserklæringer) of these municipalities, for the public
 * pages' footer: only active municipalities that have set one. Public information, for everyone.
 */
export async function publicAccessibilityStatements({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumbers: string[] };
}): Promise<AccessibilityStatement[]> {
  if (input.municipalityNumbers.length === 0) return [];
  return ctx.db
    .select({
      number: municipalities.number,
      name: municipalities.name,
      url: municipalities.accessibilityStatementUrl,
    })
    .from(municipalities)
    .where(
      and(
        inArray(municipalities.number, input.municipalityNumbers),
        eq(municipalities.active, true),
        ne(municipalities.accessibilityStatementUrl, ""),
      ),
    )
    .orderBy(asc(municipalities.name));
}
