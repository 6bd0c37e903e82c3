/** (being written) */
export function ActionPlanPage() {
  return null;
}
