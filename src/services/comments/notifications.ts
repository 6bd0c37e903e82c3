import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { type DbOrTx, sqlExecutorOf } from "../../db/client.ts";
import { memberships, municipalities, notifications, users } from "../../db/schema/index.ts";
import type { Role } from "../../domain/permissions.ts";
import { AppError } from "../../errors.ts";
import type { Mailer } from "../../infra/mailer.ts";
import type { ServiceContext } from "../context.ts";
import { newestFirst, type PageInput, timestampKey } from "../paging.ts";

export type NewNotification = { kind: string; title: string; link: string };

/**
 * Tells people that something waits for them, in the same transaction as the event, so a notice
 * exists exactly when the event does. The author of the event is never told about their own act.
 */
export async function notify(
  tx: DbOrTx,
  municipalityId: string,
  userIds: (string | null)[],
  notification: NewNotification,
  exceptUserId?: string | null,
): Promise<void> {
  const recipients = [...new Set(userIds.filter((id): id is string => id !== null && id !== exceptUserId))];
  if (recipients.length === 0) return;
  await tx
    .insert(notifications)
    .values(recipients.map((userId) => ({ municipalityId, userId, ...notification })));
}

/** The ids of the municipality's people with one of these roles (e.g. the planners). */
export async function membersWithRoles(tx: DbOrTx, municipalityId: string, roles: Role[]): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.municipalityId, municipalityId), inArray(memberships.role, roles)));
  return rows.map((r) => r.userId);
}

/** The people who speak for a partner organisation. */
export async function membersOfOrganisation(tx: DbOrTx, organisationId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(eq(memberships.organisationId, organisationId));
  return rows.map((r) => r.userId);
}

export type NotificationItem = {
  id: string;
  kind: string;
  title: string;
  link: string;
  municipality: { number: string; name: string };
  createdAt: string;
  read: boolean;
};

/** The signed-in person's notifications, newest first, a page at a time; `unread` counts them all. */
export async function listNotifications({
  ctx,
  input = {},
}: {
  ctx: ServiceContext;
  input?: PageInput;
}): Promise<{
  items: NotificationItem[];
  unread: number;
  nextCursor: string | null;
}> {
  const actor = ctx.actor;
  if (actor.kind !== "user") throw new AppError("unauthenticated", "auth.signInToSeeNotifications");
  const paging = newestFirst<string>(
    "notifications",
    { at: notifications.createdAt, id: notifications.id },
    "string",
    input,
  );
  const [rows, [unread]] = await Promise.all([
    ctx.db
      .select({
        notification: notifications,
        at: timestampKey(notifications.createdAt),
        number: municipalities.number,
        name: municipalities.name,
      })
      .from(notifications)
      .innerJoin(municipalities, eq(municipalities.id, notifications.municipalityId))
      .where(and(eq(notifications.userId, actor.userId), paging.after))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(paging.fetch),
    ctx.db
      .select({ count: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt))),
  ]);
  const page = paging.page(rows, (r) => [r.at, r.notification.id]);
  const items = page.items.map(({ notification: n, number, name }) => ({
    id: n.id,
    kind: n.kind,
    title: n.title,
    link: n.link,
    municipality: { number, name },
    createdAt: n.createdAt.toISOString(),
    read: n.readAt !== null,
  }));
  return { items, unread: unread?.count ?? 0, nextCursor: page.nextCursor };
}

/** Marks the person's notifications read: the given ones, or all. Only their own are touched. */
export async function markNotificationsRead({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { ids: string[] | "all" };
}): Promise<{ marked: number }> {
  const actor = ctx.actor;
  if (actor.kind !== "user") throw new AppError("unauthenticated", "auth.signInToSeeNotifications");
  const mine = and(eq(notifications.userId, actor.userId), isNull(notifications.readAt));
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(input.ids === "all" ? mine : and(mine, inArray(notifications.id, input.ids)))
    .returning({ id: notifications.id });
  return { marked: rows.length };
}

/**
 * Sends the notices as e-mail too, after the transaction committed, when SMTP is configured: through
 * the outbox when background jobs run (then tried again while SMTP is down), else at once. A mail
 * that does not go out is logged by the mailer; the in-app notice is there either way.
 */
export async function emailNotifications(
  db: DbOrTx,
  mailer: Mailer,
  publicUrl: string,
  userIds: (string | null)[],
  notification: NewNotification,
  requestId?: string,
): Promise<void> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return;
  const people = await db
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true)));
  const link = new URL(notification.link, publicUrl).toString();
  for (const person of people) {
    const message = {
      to: person.email,
      subject: `Planverk: ${notification.title}`,
      text: `Hei ${person.name},\n\n${notification.title}\n\nSe mer: ${link}\n\nHilsen Planverk`,
    };
    // With background jobs: queued (sent with retries); otherwise sent now.
    if (mailer.queue) await mailer.queue(sqlExecutorOf(db), message, { requestId });
    else await mailer.send(message, { requestId });
  }
}
