/** (being written) */
export function CyclePage() {
  return null;
}
