import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { memberships, proposals } from "../../db/schema/index.ts";
import { can } from "../../domain/permissions.ts";
import type { Viewer } from "../../domain/proposals.ts";
import { notFound } from "../../errors.ts";
import type { Tenant } from "../access.ts";

/** The partner organisation a person speaks for in a municipality (null for everyone else). */
export async function organisationOfMember(db: DbOrTx, tenant: Tenant): Promise<string | null> {
  if (!tenant.subject.userId) return null;
  const [row] = await db
    .select({ organisationId: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.municipalityId, tenant.id), eq(memberships.userId, tenant.subject.userId)));
  return row?.organisationId ?? null;
}

/** How a person reads proposals and comments: as the municipality, as a partner, or as the public. */
export function viewerOf(tenant: Tenant): Viewer {
  if (can(tenant.subject, "read_drafts", "measure")) return "internal";
  if (tenant.subject.role === "anonymous") return "public";
  return "partner";
}

export type ProposalRow = typeof proposals.$inferSelect;

/** The permission object of a proposal for this person. */
export function proposalObject(proposal: ProposalRow, organisationId: string | null) {
  return {
    published: proposal.publishedAt !== null,
    ownOrganisation: organisationId !== null && proposal.organisationId === organisationId,
  };
}

/** A proposal by its number, or 404 when the person may not read it (no hint that it exists). */
export async function findReadableProposal(
  db: DbOrTx,
  tenant: Tenant,
  number: number,
  forUpdate = false,
): Promise<{ proposal: ProposalRow; organisationId: string | null }> {
  const query = db
    .select()
    .from(proposals)
    .where(and(eq(proposals.municipalityId, tenant.id), eq(proposals.number, number)));
  const [proposal] = forUpdate ? await query.for("update") : await query;
  const organisationId = await organisationOfMember(db, tenant);
  if (!proposal || !can(tenant.subject, "read", "proposal", proposalObject(proposal, organisationId))) {
    throw notFound("proposal");
  }
  return { proposal, organisationId };
}
