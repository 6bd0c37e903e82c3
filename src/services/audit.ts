import type { DbOrTx } from "../db/client.ts";
import { auditEvents } from "../db/schema/index.ts";
import type { FieldChanges } from "../domain/audit.ts";
import { type Actor, actorLabel } from "./context.ts";

export type AuditEntry = {
  municipalityId: string | null;
  objectType: string;
  objectId: string;
  objectLabel?: string;
  action: string;
  changes?: FieldChanges;
};

/** Writes one audit event. Call it inside the transaction that makes the change. */
export async function recordAudit(
  tx: DbOrTx,
  actor: Actor,
  entry: AuditEntry,
  requestId?: string,
): Promise<void> {
  await tx.insert(auditEvents).values({
    municipalityId: entry.municipalityId,
    actorUserId: actor.kind === "user" ? actor.userId : null,
    actorLabel: actorLabel(actor),
    objectType: entry.objectType,
    objectId: entry.objectId,
    objectLabel: entry.objectLabel ?? "",
    action: entry.action,
    changes: entry.changes ?? {},
    requestId: requestId ?? null,
  });
}

/** `recordAudit` for many events at once (a batch, such as the Excel import), in bulk inserts. */
export async function recordAuditMany(
  tx: DbOrTx,
  actor: Actor,
  entries: AuditEntry[],
  requestId?: string,
): Promise<void> {
  const rows = entries.map((entry) => ({
    municipalityId: entry.municipalityId,
    actorUserId: actor.kind === "user" ? actor.userId : null,
    actorLabel: actorLabel(actor),
    objectType: entry.objectType,
    objectId: entry.objectId,
    objectLabel: entry.objectLabel ?? "",
    action: entry.action,
    changes: entry.changes ?? {},
    requestId: requestId ?? null,
  }));
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(auditEvents).values(rows.slice(i, i + 1000));
}
