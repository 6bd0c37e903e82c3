import { asc, eq } from "drizzle-orm";
import { memberships, municipalities, users } from "../../db/schema/index.ts";
import type { ServiceContext } from "../context.ts";

/** Everyone with an account, with their roles. */
export async function listUsers({ ctx }: { ctx: ServiceContext }) {
  const rows = await ctx.db
    .select({
      email: users.email,
      name: users.name,
      active: users.active,
      isSystemAdmin: users.isSystemAdmin,
      isDemo: users.isDemo,
      municipality: municipalities.name,
      role: memberships.role,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(municipalities, eq(municipalities.id, memberships.municipalityId))
    .orderBy(asc(users.email));
  return rows;
}
