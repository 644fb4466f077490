import { compareText } from '../../util/compare-text';
/** An IAM action split at the colon: `s3:GetObject` → `{ service: "s3", name: "GetObject" }`. */
export interface ActionName {
  readonly service: string;
  readonly name: string;
}

/**
 * Splits `service:Name`; the lone `*` becomes `{ service: "*", name: "*" }` so that it matches like any other
 * pattern. Returns `undefined` when there is no single colon with text on both sides.
 */
export function parseAction(action: string): ActionName | undefined {
  if (action === '*') return { service: '*', name: '*' };
  const parts = action.split(':');
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') return undefined;
  return { service: parts[0] as string, name: parts[1] as string };
}

/** Joins a service prefix and an action name. */
export function formatAction(service: string, name: string): string {
  return `${service}:${name}`;
}

/** Orders plain strings by UTF-16 code units: independent of locale and machine. */
export const compareCodeUnits = compareText;

/**
 * Orders actions case-insensitively (IAM ignores case in action names), then by code units so that two
 * spellings of one action still have a fixed order.
 */
export function compareActions(a: string, b: string): number {
  return compareCodeUnits(a.toLowerCase(), b.toLowerCase()) || compareCodeUnits(a, b);
}
