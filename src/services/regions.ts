import { and, asc, eq, inArray } from "drizzle-orm";
import {
  municipalities,
  regionCoordinators,
  regionMunicipalities,
  regions,
  users,
} from "../db/schema/index.ts";
import { diffFields } from "../domain/audit.ts";
import { allowedActions, can } from "../domain/permissions.ts";
import { defaultRegion } from "../domain/region.ts";
import { normaliseEmail } from "../domain/sign-in.ts";
import { AppError, notFound } from "../errors.ts";
import { subjectInRegion } from "./access.ts";
import { recordAudit } from "./audit.ts";
import type { ServiceContext } from "./context.ts";

/**
 * Makes sure the default region (Drammensregionen) exists, at every start. Its members are set only
 * when it is created, so an installation admin's later changes stay.
 */
export async function ensureDefaultRegion({ ctx }: { ctx: ServiceContext }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(regions)
      .values({ slug: defaultRegion.slug, name: defaultRegion.name })
      .onConflictDoNothing({ target: regions.slug })
      .returning();
    if (!created) return;
    const members = await tx
      .select({ id: municipalities.id })
      .from(municipalities)
      .where(inArray(municipalities.number, [...defaultRegion.municipalityNumbers]));
    if (members.length > 0) {
      await tx
        .insert(regionMunicipalities)
        .values(members.map((m) => ({ regionId: created.id, municipalityId: m.id })))
        .onConflictDoNothing();
    }
  });
}

export async function loadRegion(ctx: ServiceContext, slug: string) {
  const [region] = await ctx.db.select().from(regions).where(eq(regions.slug, slug));
  if (!region) throw notFound("region");
  return region;
}

/** The regions of the installation with their member municipalities. */
export async function listRegions({ ctx }: { ctx: ServiceContext }) {
  const [regionRows, memberRows] = await Promise.all([
    ctx.db.select().from(regions).orderBy(asc(regions.name)),
    ctx.db
      .select({
        regionId: regionMunicipalities.regionId,
        number: municipalities.number,
        name: municipalities.name,
        active: municipalities.active,
      })
      .from(regionMunicipalities)
      .innerJoin(municipalities, eq(municipalities.id, regionMunicipalities.municipalityId))
      .orderBy(asc(municipalities.name)),
  ]);
  return regionRows.map((r) => ({
    slug: r.slug,
    name: r.name,
    version: r.version,
    municipalities: memberRows.filter((m) => m.regionId === r.id).map(({ regionId: _r, ...m }) => m),
    allowedActions: allowedActions(subjectInRegion(ctx.actor, r.id), "region"),
  }));
}

function authorizeRegionUpdate(ctx: ServiceContext, regionId: string) {
  if (can(subjectInRegion(ctx.actor, regionId), "update", "region")) return;
  if (ctx.actor.kind === "anonymous") throw new AppError("unauthenticated", "auth.signInRequired");
  throw new AppError("forbidden", "region.adminsOnly");
}

/** The region's settings for an installation admin: members and coordinators. */
export async function getRegionSettings({ ctx, input }: { ctx: ServiceContext; input: { slug: string } }) {
  const region = await loadRegion(ctx, input.slug);
  authorizeRegionUpdate(ctx, region.id);
  const [members, coordinators] = await Promise.all([
    ctx.db
      .select({ number: municipalities.number, name: municipalities.name })
      .from(regionMunicipalities)
      .innerJoin(municipalities, eq(municipalities.id, regionMunicipalities.municipalityId))
      .where(eq(regionMunicipalities.regionId, region.id))
      .orderBy(asc(municipalities.number)),
    ctx.db
      .select({ userId: users.id, name: users.name, email: users.email })
      .from(regionCoordinators)
      .innerJoin(users, eq(users.id, regionCoordinators.userId))
      .where(eq(regionCoordinators.regionId, region.id))
      .orderBy(asc(users.name)),
  ]);
  return {
    slug: region.slug,
    name: region.name,
    version: region.version,
    municipalityNumbers: members.map((m) => m.number),
    coordinators,
  };
}

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
        { unknown },
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

/** Appoints a regional coordinator by e-mail (installation admins), audited. */
export async function appointCoordinator({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { slug: string; email: string };
}) {
  const region = await loadRegion(ctx, input.slug);
  authorizeRegionUpdate(ctx, region.id);
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(eq(users.email, normaliseEmail(input.email)));
    if (!user) throw new AppError("validation", "region.noSuchUser");
    const inserted = await tx
      .insert(regionCoordinators)
      .values({ regionId: region.id, userId: user.id })
      .onConflictDoNothing()
      .returning();
    if (inserted.length > 0) {
      await recordAudit(
        tx,
        ctx.actor,
        {
          municipalityId: null,
          objectType: "region",
          objectId: region.id,
          objectLabel: region.name,
          action: "appoint_coordinator",
          changes: { coordinator: { before: null, after: user.email } },
        },
        ctx.requestId,
      );
    }
    return { userId: user.id, name: user.name, email: user.email };
  });
}

/** Ends a coordinator appointment (installation admins), audited. */
export async function removeCoordinator({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { slug: string; userId: string };
}) {
  const region = await loadRegion(ctx, input.slug);
  authorizeRegionUpdate(ctx, region.id);
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(regionCoordinators)
      .where(and(eq(regionCoordinators.regionId, region.id), eq(regionCoordinators.userId, input.userId)))
      .returning();
    if (removed.length === 0) throw notFound("coordinator");
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, input.userId));
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: null,
        objectType: "region",
        objectId: region.id,
        objectLabel: region.name,
        action: "remove_coordinator",
        changes: { coordinator: { before: user?.email ?? input.userId, after: null } },
      },
      ctx.requestId,
    );
  });
}
