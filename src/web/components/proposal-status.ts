/** The colour of a proposal's status, on its tag and on the decision shown to the partner. */
export const proposalStatusColor = {
  submitted: "info",
  accepted: "success",
  rejected: "danger",
  deferred: "warning",
} as const;
