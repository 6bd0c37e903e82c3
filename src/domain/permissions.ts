/** The roles a person can have in one municipality (stored values). */
export const roles = ["admin", "planner", "measure_owner", "partner", "viewer"] as const;
export type Role = (typeof roles)[number];

/**
 * Who may do what. This table is the only place that says so: every route asks `can`, and the API
 * returns `allowedActions` per object so the interface shows only what the person may do.
 * A subject without a role in the object's municipality is "anonymous" there.
 */
export type Subject = {
  role: Role | "anonymous";
  userId: string | null;
  isSystemAdmin: boolean;
  /** A regional coordinator of a region this municipality (or this region) belongs to. */
  isRegionalCoordinator?: boolean;
};

export const actions = [
  "read",
  "create",
  "delete",
  "update_status",
  "adopt",
  "read_drafts",
  "read_history",
  "update",
  "invite",
  "update_member",
  "read_members",
  "read_audit",
  "activate",
  "decide",
  "publish",
  "moderate",
  "submit",
  "review",
  "score",
  "self_assess",
  "read_results",
  "read_summary",
  /** Invite other municipalities to take part in a measure (a shared measure). */
  "share",
  /** Join, change the own share of, or leave another municipality's shared measure. */
  "participate",
] as const;
export type Action = (typeof actions)[number];

export const resources = [
  "plan",
  "action_plan",
  "measure",
  "organisation",
  "membership",
  "audit_trail",
  "municipality",
  "proposal",
  "comment",
  "reporting_period",
  "status_report",
  "indicator",
  "evaluation",
  "region",
] as const;
export type Resource = (typeof resources)[number];

/** What a condition may look at. */
export type PermissionObject = {
  published?: boolean;
  role?: Role;
  ownerUserId?: string | null;
  /** The object belongs to the partner organisation the subject speaks for. */
  ownOrganisation?: boolean;
  /** The panel of the evaluation round(s) the object is in. */
  panelistUserIds?: string[];
  /** The owners of the measures in an evaluation round. */
  measureOwnerUserIds?: (string | null)[];
  /** A measure other municipalities take part in. */
  shared?: boolean;
};
type Condition = { describe: string; test: (subject: Subject, object: PermissionObject) => boolean };

const isPublished: Condition = { describe: "only when published", test: (_s, o) => o.published === true };
const ownsIt: Condition = {
  describe: "only their own (they are its owner)",
  test: (s, o) => s.userId !== null && o.ownerUserId === s.userId,
};
const ofOwnOrganisation: Condition = {
  describe: "only their own organisation's",
  test: (_s, o) => o.ownOrganisation === true,
};
const onThePanel: Condition = {
  describe: "only when they are on the evaluation round's panel",
  test: (s, o) => s.userId !== null && (o.panelistUserIds ?? []).includes(s.userId),
};
const ownsAMeasureInIt: Condition = {
  describe: "only when they own a measure in the round",
  test: (s, o) => s.userId !== null && (o.measureOwnerUserIds ?? []).includes(s.userId),
};
const notAdminRole: Condition = {
  describe: "not to or from the admin role",
  test: (_s, o) => o.role !== undefined && o.role !== "admin",
};

const isShared: Condition = { describe: "only shared measures", test: (_s, o) => o.shared === true };

type Who = Role | "anonymous" | "system_admin" | "regional_coordinator";
type Rule = { who: Who[]; action: Action; resource: Resource; condition?: Condition };
const allow = (who: Who | Who[], action: Action, resource: Resource, condition?: Condition): Rule => ({
  who: Array.isArray(who) ? who : [who],
  action,
  resource,
  condition,
});

const members: Role[] = ["admin", "planner", "measure_owner", "partner", "viewer"];
const internal: Role[] = ["admin", "planner", "measure_owner", "viewer"];
const everyone: Who[] = ["anonymous", ...members];

// biome-ignore format: the table reads best aligned in columns
export const permissionTable: Rule[] = [
  //     who                      action           resource        condition
  allow("anonymous",             "read",          "plan",         isPublished),
  allow(members,                 "read",          "plan"),
  allow("planner",               "create",        "plan"),
  allow("planner",               "update",        "plan"),
  allow("planner",               "delete",        "plan"),
  allow(internal,                "read_history",  "plan"),
  allow("anonymous",             "read",          "action_plan",  isPublished),
  allow(members,                 "read",          "action_plan",  isPublished),
  allow(internal,                "read_drafts",   "action_plan"),
  allow("planner",               "update",        "action_plan"),
  allow("planner",               "adopt",         "action_plan"),
  allow("anonymous",             "read",          "measure",      isPublished),
  allow(members,                 "read",          "measure",      isPublished),
  allow(internal,                "read_drafts",   "measure"),
  allow(internal,                "read_history",  "measure"),
  allow("planner",               "create",        "measure"),
  allow("planner",               "update",        "measure"),
  allow("planner",               "delete",        "measure"),
  allow("planner",               "update_status", "measure"),
  allow("measure_owner",         "update_status", "measure",      ownsIt),
  allow(members,                 "read",          "measure",      onThePanel),
  allow(members,                 "read",          "organisation"),
  allow("planner",               "create",        "organisation"),
  allow("planner",               "update",        "organisation"),
  allow("planner",               "delete",        "organisation"),
  allow(["admin", "planner"],    "read_members",  "membership"),
  allow("admin",                 "invite",        "membership"),
  allow("planner",               "invite",        "membership",   notAdminRole),
  allow("admin",                 "update_member", "membership"),
  allow("admin",                 "read_audit",    "audit_trail"),
  allow("system_admin",          "activate",      "municipality"),
  allow("admin",                 "update",        "municipality"),
  allow(["anonymous", ...members], "read",        "proposal",     isPublished),
  allow(internal,                "read",          "proposal"),
  allow("partner",               "read",          "proposal",     ofOwnOrganisation),
  allow(["partner", "planner"],  "create",        "proposal"),
  allow("planner",               "decide",        "proposal"),
  allow("planner",               "publish",       "proposal"),
  allow(members,                 "create",        "comment"),
  allow(["admin", "planner"],    "moderate",      "comment"),
  allow(internal,                "read",          "reporting_period"),
  allow("planner",               "update",        "reporting_period"),
  allow(internal,                "read",          "status_report"),
  allow("planner",               "submit",        "status_report"),
  allow("measure_owner",         "submit",        "status_report", ownsIt),
  allow("planner",               "review",        "status_report"),
  allow("anonymous",             "read",          "indicator",    isPublished),
  allow(members,                 "read",          "indicator"),
  allow("planner",               "create",        "indicator"),
  allow("planner",               "update",        "indicator"),
  allow("planner",               "delete",        "indicator"),
  allow("planner",               "read",          "evaluation"),
  allow(members,                 "read",          "evaluation",   onThePanel),
  allow("measure_owner",         "read",          "evaluation",   ownsAMeasureInIt),
  allow("planner",               "create",        "evaluation"),
  allow("planner",               "update",        "evaluation"),
  allow(members,                 "score",         "evaluation",   onThePanel),
  allow("planner",               "self_assess",   "evaluation"),
  allow("measure_owner",         "self_assess",   "evaluation",   ownsIt),
  allow("planner",               "read_results",  "evaluation"),
  allow("planner",               "read_summary",  "evaluation"),
  allow(["anonymous", ...members], "read_summary", "evaluation",  isPublished),
  // The region. A regional coordinator is appointed for a region, not given a role in a
  // municipality: in the region's municipalities they read what partners read, and shared measures.
  allow("regional_coordinator",  "read",          "plan"),
  allow("regional_coordinator",  "read",          "action_plan",  isPublished),
  allow("regional_coordinator",  "read",          "measure",      isPublished),
  allow("regional_coordinator",  "read",          "measure",      isShared),
  allow("regional_coordinator",  "read",          "organisation"),
  allow("planner",               "share",         "measure"),
  allow("planner",               "participate",   "measure"),
  allow(everyone,                "read",          "region"),
  allow("system_admin",          "update",        "region"),
];

export function can(
  subject: Subject,
  action: Action,
  resource: Resource,
  object: PermissionObject = {},
): boolean {
  return permissionTable.some(
    (rule) =>
      rule.action === action &&
      rule.resource === resource &&
      (rule.who.includes(subject.role) ||
        (subject.isSystemAdmin && rule.who.includes("system_admin")) ||
        (subject.isRegionalCoordinator === true && rule.who.includes("regional_coordinator"))) &&
      (!rule.condition || rule.condition.test(subject, object)),
  );
}

/** The actions a subject may take on one object, for the API to pass to the interface. */
export function allowedActions(
  subject: Subject,
  resource: Resource,
  object: PermissionObject = {},
): Action[] {
  return actions.filter((action) => can(subject, action, resource, object));
}

/** The table in words, for docs/SECURITY.md and the admin screen. */
export function describePermissions() {
  return permissionTable.map((r) => ({
    who: r.who.join(", "),
    action: r.action,
    resource: r.resource,
    condition: r.condition?.describe ?? "",
  }));
}
