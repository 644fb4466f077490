import { wallToRfc3339 } from '../../util/time-zone';

/**
 * Who is on call when, decided in the model so that a change of members never moves the current or the
 * next shift. A rotation hands over weekly, at its hand-off's weekday and wall-clock time in the on-call
 * time zone, counted in shifts from a fixed first hand-off (the first week of 2024). Its history is
 * replayed from the members' dates, shift by shift, as a queue:
 *
 * - at each hand-off the next member in the cycle takes over;
 * - a member leaves the cycle at the hand-off on or before the day after their last day (so nobody is
 *   on call past their end); when they were on call, the one before them covers the rest of that shift,
 *   and the next shift goes to the one after them, as it would have;
 * - a member joins at the hand-off on or before their join day (start plus the rotation's ramp-up),
 *   placed just before whoever is on call then: last in the queue, so neither the current nor the next
 *   shift changes.
 *
 * The result is the layer a backend needs: the members in the order they come up, from the one on call
 * at the last change of members, and that change's hand-off. Between changes it stays the same, so the
 * rendered schedule does not move with the date. Pure and deterministic.
 */

/** A member's time in the rotation: from `join` (YYYY-MM-DD) up to and including `last`. */
export interface RotationMember {
  readonly id: string;
  readonly join: string;
  readonly last?: string;
}

/** A rotation's weekly layer: `order[k mod n]` is on call in the k-th week from `start` (RFC 3339). */
export interface RotationLayer {
  readonly start: string;
  readonly order: readonly string[];
}

const WEEK_MS = 7 * 86_400_000;
const DAY_MS = 86_400_000;
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** The wall-clock time of the first hand-off (2024 starts on a Monday), as milliseconds of a UTC clock. */
function firstHandoff(handoff: { readonly day: string; readonly time: string }): number {
  const day = DAYS.indexOf(handoff.day.toLowerCase());
  const [hour, minute] = handoff.time.split(':').map(Number);
  if (day < 0 || hour === undefined || minute === undefined)
    throw new Error(`internal: a hand-off such as monday 09:00, got ${handoff.day} ${handoff.time}`);
  return Date.UTC(2024, 0, 1 + day, hour, minute);
}

/** The shift a wall-clock time falls in: 0 from the first hand-off. */
function shiftAt(wall: number, first: number): number {
  return Math.floor((wall - first) / WEEK_MS);
}

function dayWall(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/**
 * The layer of a rotation as of `asOf` (its noon, in the on-call time zone), or undefined when nobody is
 * in it then. `timeZone` only writes the start's offset: shifts are counted on the wall clock.
 */
export function rotationLayer(
  handoff: { readonly day: string; readonly time: string },
  timeZone: string,
  members: readonly RotationMember[],
  asOf: string,
): RotationLayer | undefined {
  const first = firstHandoff(handoff);
  const now = shiftAt(dayWall(asOf) + DAY_MS / 2, first);
  const joins = new Map<number, string[]>();
  const leaves = new Map<number, string[]>();
  for (const member of [...members].sort((a, b) => (a.join < b.join ? -1 : a.join > b.join ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    // Only what has happened by asOf: a join from its day on, a leave once the last day is past.
    if (member.join > asOf) continue;
    const joinShift = Math.max(0, shiftAt(dayWall(member.join), first));
    const left = member.last !== undefined && member.last < asOf;
    const leaveShift = left && member.last !== undefined ? shiftAt(dayWall(member.last) + DAY_MS, first) : Infinity;
    if (leaveShift <= joinShift) continue;
    listAt(joins, joinShift).push(member.id);
    if (left) listAt(leaves, leaveShift).push(member.id);
  }
  const events = [...new Set([...joins.keys(), ...leaves.keys()])].sort((a, b) => a - b);
  const cycle: string[] = [];
  let current = 0;
  let shift = events[0] ?? now;
  let changed = shift;
  for (const event of events) {
    if (cycle.length > 0) current = (current + (event - shift)) % cycle.length;
    shift = event;
    for (const id of joins.get(event) ?? []) {
      cycle.splice(current, 0, id);
      if (cycle.length > 1) current += 1;
    }
    for (const id of leaves.get(event) ?? []) {
      const index = cycle.indexOf(id);
      if (index < 0) continue;
      cycle.splice(index, 1);
      // Whoever was before a leaver on call covers the rest of their shift, so the next hand-off goes to
      // the one after the leaver, as it would have.
      if (index <= current) current -= 1;
      if (cycle.length > 0) current = (current + cycle.length) % cycle.length;
      else current = 0;
    }
    changed = event;
  }
  if (cycle.length === 0) return undefined;
  // The layer is read from the last change on: the one on call then comes first.
  return { start: wallToRfc3339(first + changed * WEEK_MS, timeZone), order: [...cycle.slice(current), ...cycle.slice(0, current)] };
}

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

function listAt(map: Map<number, string[]>, key: number): string[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}
