/** (being written) */
export function ComparePage() {
  return null;
}
