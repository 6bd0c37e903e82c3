import type { Database } from "../db/client.ts";
import type { Role } from "../domain/permissions.ts";

/** Who is asking. Anonymous visitors read only what is published. */
export type Actor =
  | { kind: "anonymous" }
  /** Planverk itself or an operator at the command line (demo data, CLI commands). */
  | { kind: "system"; label: string }
  | {
      kind: "user";
      userId: string;
      email: string;
      name: string;
      isSystemAdmin: boolean;
      /** Role per municipality id. */
      roles: Record<string, Role>;
      /** Regions the person coordinates, and the municipalities in them. */
      coordinatorRegionIds?: string[];
      coordinatorMunicipalityIds?: string[];
    };

/** What every service function receives besides its input. */
export type ServiceContext = {
  db: Database;
  actor: Actor;
  requestId?: string;
  /** The clock: today as YYYY-MM-DD. Tests set it; by default today in Norway. */
  today?: () => string;
};

/** Today as YYYY-MM-DD in Norway, for deadlines and the year model. */
export function todayInNorway(now = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(now);
}

/** Today for this request: the context's clock, else today in Norway. */
export const today = (ctx: { today?: () => string }): string => (ctx.today ? ctx.today() : todayInNorway());

export const anonymous: Actor = { kind: "anonymous" };

export const systemActor = (label = "Planverk"): Actor => ({ kind: "system", label });

/** A person as the actor of their own account's events (sign-in, set-up), before any role is loaded. */
export const accountActor = (user: {
  id: string;
  email: string;
  name: string;
  isSystemAdmin: boolean;
}): Actor => ({
  kind: "user",
  userId: user.id,
  email: user.email,
  name: user.name,
  isSystemAdmin: user.isSystemAdmin,
  roles: {},
});

export const actorLabel = (actor: Actor) =>
  actor.kind === "user" ? `${actor.name} <${actor.email}>` : actor.kind === "system" ? actor.label : "anonym";
