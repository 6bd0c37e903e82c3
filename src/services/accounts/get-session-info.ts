import { and, asc, eq } from "drizzle-orm";
import { memberships, municipalities } from "../../db/schema/index.ts";
import type { Role } from "../../domain/permissions.ts";
import type { ServiceContext } from "../context.ts";

export type SessionUser = {
  id: string;
  name: string;
  email: string;
  isSystemAdmin: boolean;
  memberships: { municipalityNumber: string; municipalityName: string; role: Role }[];
};

/** The signed-in person and their roles, for the interface; null when nobody is signed in. */
export async function getSessionUser({ ctx }: { ctx: ServiceContext }): Promise<SessionUser | null> {
  const actor = ctx.actor;
  if (actor.kind !== "user") return null;
  const rows = await ctx.db
    .select({
      municipalityNumber: municipalities.number,
      municipalityName: municipalities.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(municipalities, eq(municipalities.id, memberships.municipalityId))
    .where(and(eq(memberships.userId, actor.userId), eq(municipalities.active, true)))
    .orderBy(asc(municipalities.name));
  return {
    id: actor.userId,
    name: actor.name,
    email: actor.email,
    isSystemAdmin: actor.isSystemAdmin,
    memberships: rows,
  };
}
