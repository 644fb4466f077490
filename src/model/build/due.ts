import type { RolesBundle } from '../../load/roles-bundle';
import { compareText } from '../../load/problem';
import { addDays } from '../../util/calendar-date';
import { staffingRoles } from './build-oncall-state';
import { acceptanceFileOf } from './risk-acceptance-of';
import type { AccessModel } from '../types';

/** What a date changes, and so which day a deploy must run. */
export type DueKind = 'start' | 'end' | 'join-rotation' | 'acceptance-expired';

/** One dated change of the desired access: from `date` on, the model differs from the day before. */
export interface DueChange {
  /** The first day the change is in force (YYYY-MM-DD): the day its deploy must run. */
  readonly date: string;
  readonly kind: DueKind;
  /** The person, or for an acceptance the capability, it is about. */
  readonly subject: string;
  /** What changes, in words. */
  readonly detail: string;
}

/**
 * The changes dated from `from` through `to` (YYYY-MM-DD, inclusive), sorted by date, kind and subject:
 *
 * - a start: the person's access begins (every stack; a shadow rotation too);
 * - an end: the day after the last day, when everything they have goes;
 * - a ramp-up ending: start plus the rotation's `rampDays`, when the person joins the rotation (and
 *   leaves its shadow), unless they have ended by then or opted out of on-call;
 * - a risk acceptance expiring: the day after `expires`, from which the model is invalid until the risk
 *   is accepted again, so nothing deploys.
 *
 * The model gives the people and which roles staff which rotation; the bundle gives the rotations'
 * ramp-up and shadow, and the acceptances. Pure.
 */
export function dueChanges(model: AccessModel, bundle: RolesBundle, from: string, to: string): DueChange[] {
  const changes: DueChange[] = [];
  const within = (date: string): boolean => date >= from && date <= to;
  for (const person of model.people) {
    if (within(person.start))
      changes.push({
        date: person.start,
        kind: 'start',
        subject: person.id,
        detail: `starts as ${person.roles.join(', ')}: their access is created`,
      });
    if (person.end !== undefined && within(addDays(person.end, 1))) {
      changes.push({
        date: addDays(person.end, 1),
        kind: 'end',
        subject: person.id,
        detail: `ended on ${person.end}: all their access is removed`,
      });
    }
  }
  const staffedBy = staffingRoles(model.roles);
  const seen = new Set<string>();
  for (const { value: rotation } of bundle.rotations) {
    if (seen.has(rotation.id) || rotation.rampDays === 0) continue;
    seen.add(rotation.id);
    const roles = staffedBy.get(rotation.id) ?? new Set<string>();
    for (const person of model.people) {
      if (person.oncallOptOut !== undefined || !person.roles.some((id) => roles.has(id))) continue;
      const join = addDays(person.start, rotation.rampDays);
      if (!within(join) || (person.end !== undefined && person.end < join)) continue;
      const shadow = rotation.shadow ? `, leaving its shadow ${rotation.shadow}` : '';
      changes.push({
        date: join,
        kind: 'join-rotation',
        subject: person.id,
        detail: `joins rotation ${rotation.id} after ${rotation.rampDays} days of ramp-up${shadow}`,
      });
    }
  }
  for (const capability of bundle.capabilities) {
    const expires = acceptanceFileOf(capability.value)?.expires;
    if (expires === undefined || !within(addDays(expires, 1))) continue;
    changes.push({
      date: addDays(expires, 1),
      kind: 'acceptance-expired',
      subject: capability.value.id,
      detail: `its risk acceptance ended on ${expires}: validate and synth fail from this day until the risk is accepted again`,
    });
  }
  const order: readonly DueKind[] = ['acceptance-expired', 'end', 'start', 'join-rotation'];
  return changes.sort(
    (a, b) =>
      compareText(a.date, b.date) ||
      order.indexOf(a.kind) - order.indexOf(b.kind) ||
      compareText(a.subject, b.subject) ||
      compareText(a.detail, b.detail),
  );
}
