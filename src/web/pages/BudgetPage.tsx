/** (being written) */
export function BudgetPage() {
  return null;
}
