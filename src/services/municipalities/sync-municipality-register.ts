import register from "../../db/reference/kommuner-2024.json" with { type: "json" };
import { municipalities } from "../../db/schema/index.ts";
import type { ServiceContext } from "../context.ts";

/**
 * Makes sure every municipality in Statistics Norway's register (357 after the 2024 reform) has a
 * row, inactive until an installation admin activates it. Existing rows are left as they are.
 */
export async function syncMunicipalityRegister({ ctx }: { ctx: ServiceContext }): Promise<void> {
  await ctx.db
    .insert(municipalities)
    .values(
      register.kommuner.map((k) => ({
        number: k.kommunenummer,
        name: k.navn,
        county: k.fylke,
        active: false,
      })),
    )
    .onConflictDoNothing({ target: municipalities.number });
}

export const municipalityRegisterSize = register.kommuner.length;
