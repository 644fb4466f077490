import { capabilityHolders } from '../model/check/check-guards';
import type { AccessModel } from '../model/types';
import { compareText } from '../util/compare-text';

/** Who holds something on each side of a change: active people, sorted by id. */
export interface Holders {
  readonly id: string;
  readonly before: readonly string[];
  readonly after: readonly string[];
}

/** The GitHub invitations one deploy sends: on `date`, to these people. */
export interface InvitationDay {
  readonly date: string;
  readonly people: readonly string[];
}

/**
 * The break-glass capabilities a change leaves with fewer than two active holders, and fewer than it
 * found: the access used when everything else fails must not rest on one person, or on none. A
 * capability already below two is not the change's doing (`validate` warns about it).
 */
export function breakGlassShortfalls(base: AccessModel, head: AccessModel, capabilities: readonly string[]): Holders[] {
  return [...new Set(capabilities)]
    .sort(compareText)
    .map((id) => ({ id, before: capabilityHolders(base, id), after: capabilityHolders(head, id) }))
    .filter((holders) => holders.after.length < 2 && holders.after.length < holders.before.length);
}

/** The rotations a change leaves with fewer active members than `min`, and fewer than it found. */
export function rotationShortfalls(base: AccessModel, head: AccessModel, min: number): Holders[] {
  const membersOf = (model: AccessModel) =>
    new Map(model.oncall.rotations.map((rotation) => [rotation.id, [...rotation.members].sort(compareText)]));
  const before = membersOf(base);
  const after = membersOf(head);
  return [...new Set([...before.keys(), ...after.keys()])]
    .sort(compareText)
    .map((id) => ({ id, before: before.get(id) ?? [], after: after.get(id) ?? [] }))
    .filter((holders) => holders.after.length < min && holders.after.length < holders.before.length);
}

/**
 * The GitHub invitations the head side sends, per deploy: on the model's date, to everyone it makes a
 * member whom the base did not; on each later start date, to everyone starting that day who is not a
 * member already. Sorted by date; days without invitations are left out.
 */
export function invitationDays(base: AccessModel, head: AccessModel): InvitationDay[] {
  const members = new Set(base.github.members.map((member) => member.login.toLowerCase()));
  const today = head.github.members.filter((member) => !members.has(member.login.toLowerCase())).map((member) => member.personId);
  const current = new Set(head.github.members.map((member) => member.login.toLowerCase()));
  const later = new Map<string, string[]>();
  for (const person of head.people) {
    if (person.status !== 'not-started' || current.has(person.github.toLowerCase())) continue;
    const day = later.get(person.start) ?? [];
    day.push(person.id);
    later.set(person.start, day);
  }
  return [
    ...(today.length > 0 ? [{ date: head.asOf, people: today.sort(compareText) }] : []),
    ...[...later.entries()].sort(([a], [b]) => compareText(a, b)).map(([date, people]) => ({ date, people: people.sort(compareText) })),
  ];
}
