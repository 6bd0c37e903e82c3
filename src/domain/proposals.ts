import type { CyclePhase } from "./cycle.ts";

/** Where a partner's proposal stands (stored values). */
export const proposalStatuses = ["submitted", "accepted", "rejected", "deferred"] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/** Partners send proposals while the cycle is in its first phase, «Innspill» (DESIGN.md, the yearly cycle). */
export function proposalsOpen(phase: CyclePhase): boolean {
  return phase === "innspill";
}

export type ProposalDecision =
  | { outcome: "accept_new"; focusAreaId: string; reason?: string }
  | { outcome: "accept_merge"; measureId: string; reason?: string }
  | { outcome: "reject"; reason: string }
  | { outcome: "defer"; toYear: number; reason?: string };

export type Problem = { path: string; message: string };

/** What is wrong with a decision, before anything is written. A rejection always needs a reason. */
export function decisionProblems(decision: ProposalDecision, cycleYear: number): Problem[] {
  if (decision.outcome === "reject" && decision.reason.trim() === "") {
    return [{ path: "/reason", message: "Skriv en begrunnelse når innspillet avslås." }];
  }
  if (decision.outcome === "defer" && decision.toYear <= cycleYear) {
    return [{ path: "/toYear", message: `Velg et senere år enn ${cycleYear}.` }];
  }
  return [];
}

/** The status a decision gives. */
export function statusAfter(decision: ProposalDecision): "accepted" | "rejected" | "deferred" {
  if (decision.outcome === "reject") return "rejected";
  if (decision.outcome === "defer") return "deferred";
  return "accepted";
}

/** A proposal's plain text as the description of the measure it becomes (paragraphs, escaped). */
export function proposalAsMeasureDescription(description: string, expectedEffect: string): string {
  const paragraphs = description
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`);
  if (expectedEffect.trim())
    paragraphs.push(`<p><strong>Forventet effekt:</strong> ${escapeHtml(expectedEffect.trim())}</p>`);
  return paragraphs.join("");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// ---- Comments ----

export type CommentVisibility = "internal" | "partners" | "public";
export type Viewer = "internal" | "partner" | "public";

/** Who may read a comment: the municipality reads all; partners «partners» and «public»; the public only public comments on published content. */
export function commentVisibleTo(
  viewer: Viewer,
  visibility: CommentVisibility,
  targetPublished: boolean,
): boolean {
  if (viewer === "internal") return true;
  if (viewer === "partner") return visibility !== "internal";
  return visibility === "public" && targetPublished;
}

/** Which visibilities a person may choose: partners cannot write internal notes. */
export function visibilitiesFor(viewer: Viewer): CommentVisibility[] {
  if (viewer === "internal") return ["internal", "partners", "public"];
  if (viewer === "partner") return ["partners", "public"];
  return [];
}

/** The author may edit a comment for a short while after writing it; after that it stands as written. */
export const commentEditWindowMinutes = 15;

export function canEditComment(
  comment: { authorUserId: string; createdAt: Date; removedAt: Date | null },
  userId: string | null,
  now: Date,
): boolean {
  return (
    userId !== null &&
    comment.authorUserId === userId &&
    comment.removedAt === null &&
    now.getTime() - comment.createdAt.getTime() <= commentEditWindowMinutes * 60_000
  );
}
