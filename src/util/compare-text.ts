/** Orders strings by UTF-16 code units: independent of locale and machine, so output never depends on them. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
