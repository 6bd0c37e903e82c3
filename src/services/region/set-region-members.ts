import { eq, inArray } from "drizzle-orm";
import { municipalities, regionMunicipalities, regions } from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import { AppError, notFound } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { authorizeRegionUpdate, loadRegion } from "./internal.ts";

/** Sets which municipalities belong to the region (installation admins), audited. */
export async function setRegionMembers({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { slug: string; name: string; municipalityNumbers: string[]; version: number };
}) {
  const region = await loadRegion(ctx, input.slug);
  authorizeRegionUpdate(ctx, region.id);
  return ctx.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(regions).where(eq(regions.id, region.id)).for("update");
    if (!locked) throw notFound("region");
    if (locked.version !== input.version) throw new AppError("conflict", "region.changedByOther");
    const numbers = [...new Set(input.municipalityNumbers)].sort();
    const found = numbers.length
      ? await tx
          .select({ id: municipalities.id, number: municipalities.number })
          .from(municipalities)
          .where(inArray(municipalities.number, numbers))
      : [];
    const unknown = numbers.filter((n) => !found.some((f) => f.number === n));
    if (unknown.length > 0)
      throw new AppError(
        "validation",
        "region.unknownMunicipalities",
        { numbers: unknown.join(", ") },
        unknown.map((number) => ({ path: "/municipalityNumbers", code: "unknown", number })),
      );
    const before = await tx
      .select({ number: municipalities.number })
      .from(regionMunicipalities)
      .innerJoin(municipalities, eq(municipalities.id, regionMunicipalities.municipalityId))
      .where(eq(regionMunicipalities.regionId, region.id));
    await tx.delete(regionMunicipalities).where(eq(regionMunicipalities.regionId, region.id));
    if (found.length > 0)
      await tx
        .insert(regionMunicipalities)
        .values(found.map((m) => ({ regionId: region.id, municipalityId: m.id })));
    await tx
      .update(regions)
      .set({ name: input.name, version: locked.version + 1, updatedAt: new Date() })
      .where(eq(regions.id, region.id));
    const changes = diffFields(
      {
        name: locked.name,
        municipalities: before
          .map((b) => b.number)
          .sort()
          .join(", "),
      },
      { name: input.name, municipalities: numbers.join(", ") },
      ["name", "municipalities"],
    );
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: null,
        objectType: "region",
        objectId: region.id,
        objectLabel: input.name,
        action: "update",
        changes,
      },
      ctx.requestId,
    );
    return { slug: region.slug, name: input.name, version: locked.version + 1, municipalityNumbers: numbers };
  });
}
