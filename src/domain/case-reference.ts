/**
 * A case reference as people write it: «999/25», «sak 999/25», «Saksnr. 2025/123». Whether it
 * already says that it is a case number, so a page does not write «saksnummer sak 999/25».
 */
export function namesItsKind(reference: string): boolean {
  return /^\s*(sak|saksnr\.?|saksnummer|arkivsak|case)\b/i.test(reference);
}
