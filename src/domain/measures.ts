/** Where a measure stands (stored values). */
export const measureStatuses = ["planned", "in_progress", "delayed", "completed", "stopped"] as const;
export type MeasureStatus = (typeof measureStatuses)[number];

/** What a partner organisation does in a measure (stored values). */
export const partnerRoles = ["lead", "contributor", "funder"] as const;
export type PartnerRole = (typeof partnerRoles)[number];

/** A link shown on a measure: its text and its address. */
export type MeasureLink = { title: string; url: string };
