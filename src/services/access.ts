import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { municipalities } from "../db/schema/index.ts";
import {
  type Action,
  can,
  type PermissionObject,
  type Resource,
  type Subject,
} from "../domain/permissions.ts";
import { AppError, notFound } from "../errors.ts";
import type { Actor, ServiceContext } from "./context.ts";

export type Tenant = { id: string; number: string; name: string; subject: Subject };

export function subjectIn(actor: Actor, municipalityId: string): Subject {
  if (actor.kind === "anonymous") return { role: "anonymous", userId: null, isSystemAdmin: false };
  if (actor.kind === "system") return { role: "anonymous", userId: null, isSystemAdmin: true };
  return {
    role: actor.roles[municipalityId] ?? "anonymous",
    userId: actor.userId,
    isSystemAdmin: actor.isSystemAdmin,
    isRegionalCoordinator: actor.coordinatorMunicipalityIds?.includes(municipalityId) ?? false,
  };
}

/** Who the actor is for a region as a whole: a coordinator of it, an installation admin, or anyone. */
export function subjectInRegion(actor: Actor, regionId: string): Subject {
  if (actor.kind !== "user")
    return { role: "anonymous", userId: null, isSystemAdmin: actor.kind === "system" };
  return {
    role: "anonymous",
    userId: actor.userId,
    isSystemAdmin: actor.isSystemAdmin,
    isRegionalCoordinator: actor.coordinatorRegionIds?.includes(regionId) ?? false,
  };
}

/** The active municipality with this number, and who the actor is in it. Unknown → 404. */
export async function resolveTenant(
  ctx: ServiceContext,
  number: string,
  db: DbOrTx = ctx.db,
): Promise<Tenant> {
  const [municipality] = await db
    .select({ id: municipalities.id, number: municipalities.number, name: municipalities.name })
    .from(municipalities)
    .where(and(eq(municipalities.number, number), eq(municipalities.active, true)));
  if (!municipality) throw notFound("municipality");
  return { ...municipality, subject: subjectIn(ctx.actor, municipality.id) };
}

/**
 * Refuses an action the table does not allow, without telling outsiders what exists: a person with
 * no role in the municipality gets 404 (another municipality's objects are invisible); a visitor who
 * is not signed in gets 401 for what they can see but not change; a member without the right, 403.
 */
export function authorize(
  ctx: ServiceContext,
  tenant: Tenant,
  action: Action,
  resource: Resource,
  object: PermissionObject = {},
  what: Parameters<typeof notFound>[0] = "object",
): void {
  if (can(tenant.subject, action, resource, object)) return;
  if (tenant.subject.role !== "anonymous") throw new AppError("forbidden", "auth.forbidden");
  if (ctx.actor.kind === "anonymous" && can(tenant.subject, "read", resource, object)) {
    throw new AppError("unauthenticated", "auth.signInRequired");
  }
  throw notFound(what);
}
