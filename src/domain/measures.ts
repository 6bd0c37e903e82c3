/** Where a measure stands (stored values). */
export const measureStatuses = ["planned", "in_progress", "delayed", "completed", "stopped"] as const;
export type MeasureStatus = (typeof measureStatuses)[number];

/** What a partner organisation does in a measure (stored values). */
export const partnerRoles = ["lead", "contributor", "funder"] as const;
export type PartnerRole = (typeof partnerRoles)[number];

/** A link shown on a measure: its text and its address. */
export type MeasureLink = { title: string; url: string };

/**
 * The roles a measure's owner can have: the measure owners and the planners of the municipality.
 * Readers, partners and those who are only admins do not own measures.
 */
export const measureOwnerRoles = ["measure_owner", "planner"] as const;

/** Whether a person with this role in the municipality can be chosen as a measure's owner. */
export function canOwnMeasures(role: string): boolean {
  return (measureOwnerRoles as readonly string[]).includes(role);
}
