import type { RotationLayer } from './rotation-schedule';

const WEEK_MS = 7 * 86_400_000;

/**
 * The first shift `personId` takes in a rotation's layer on or after `from` (YYYY-MM-DD, at noon): the
 * day that shift starts, on the wall clock of the layer's start. Undefined when the layer does not list
 * them. The same arithmetic PagerDuty applies to a layer: whole weeks from its start, modulo its users.
 */
export function firstShift(layer: RotationLayer, personId: string, from: string): string | undefined {
  const index = layer.order.indexOf(personId);
  if (index < 0) return undefined;
  const start = Date.parse(`${layer.start.slice(0, 19)}Z`);
  const n = layer.order.length;
  const now = Math.floor((Date.parse(`${from}T12:00:00Z`) - start) / WEEK_MS);
  const turn = now + ((((index - now) % n) + n) % n);
  return new Date(start + turn * WEEK_MS).toISOString().slice(0, 10);
}
