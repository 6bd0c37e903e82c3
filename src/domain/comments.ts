/** What a comment is written on (stored values). */
export const commentTargets = ["proposal", "measure"] as const;
export type CommentTarget = (typeof commentTargets)[number];

/** Who may read a comment: the municipality's own people, also the partners, or everyone (stored values). */
export const commentVisibilities = ["internal", "partners", "public"] as const;
export type CommentVisibility = (typeof commentVisibilities)[number];
