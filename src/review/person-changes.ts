import type { PersonAccess } from '../model/types';
import { compareText } from '../util/compare-text';
import { personDeltas } from './person-delta';
import type { DiffSide } from './diff-side';
import type { PersonChange, ValueChange } from './diff-types';
import type { RiskCollector } from './risk-collector';

/**
 * Every person whose facts or access differ between the sides, sorted by id. Access is their roles'
 * (compared per pair of role sets), their team memberships and rotations as the model's GitHub and
 * on-call state hold them (opt-outs and maintainers included), and their organisation role.
 */
export function personChanges(base: DiffSide, head: DiffSide, risks: RiskCollector): PersonChange[] {
  const deltaOf = personDeltas(base, head);
  const capabilitiesOf = heldCapabilities();
  const ids = [...new Set([...base.people.keys(), ...head.people.keys()])].sort(compareText);
  const changes: PersonChange[] = [];
  for (const id of ids) {
    const from = base.people.get(id);
    const to = head.people.get(id);
    const delta = deltaOf(from, to);
    const teams = mapChanges(base.teamsOf(id), head.teamsOf(id));
    const joined = [...head.rotationsOf(id)].filter((rotation) => !base.rotationsOf(id).has(rotation)).sort(compareText);
    const left = [...base.rotationsOf(id)].filter((rotation) => !head.rotationsOf(id).has(rotation)).sort(compareText);
    const org = valueChange('org', base.orgRoleOf(id), head.orgRoleOf(id));
    const facts = factChanges(from, to);
    const accessChanged = !delta.empty || teams.length > 0 || joined.length > 0 || left.length > 0 || org !== undefined;
    if (!accessChanged && Object.keys(facts).length === 0 && from && to) continue;

    risks.addDelta(delta, id);
    if (org?.to === 'admin') risks.addOwner('owner-added', id);
    else if (org?.from === 'admin') risks.addOwner('owner-removed', id);
    const person = to ?? from;
    changes.push({
      id,
      name: person?.name ?? id,
      ...(from && to && from.name !== to.name ? { previousName: from.name } : {}),
      change: !from ? 'added' : !to ? 'removed' : 'changed',
      ...facts,
      roles: { added: without(to?.roles, from?.roles), removed: without(from?.roles, to?.roles) },
      capabilities: capabilityChanges(capabilitiesOf(base, from), capabilitiesOf(head, to)),
      aws: delta.aws,
      github: { ...(org ? { org } : {}), repositories: delta.github.repositories, teams },
      oncall: { joined, left },
    });
  }
  return changes;
}

/** The capabilities a person holds through their active roles on one side, memoised per side and role set. */
function heldCapabilities(): (side: DiffSide, person: PersonAccess | undefined) => readonly string[] {
  const memo = new WeakMap<DiffSide, Map<string, readonly string[]>>();
  return (side, person) => {
    if (!person) return [];
    const { key, ids } = side.activeRoles(person);
    let bySet = memo.get(side);
    if (!bySet) memo.set(side, (bySet = new Map()));
    let held = bySet.get(key);
    if (!held) {
      held = [...new Set(ids.flatMap((id) => side.roles.get(id)?.capabilities.map((capability) => capability.id) ?? []))].sort(compareText);
      bySet.set(key, held);
    }
    return held;
  };
}

function capabilityChanges(before: readonly string[], after: readonly string[]): PersonChange['capabilities'] {
  return { added: without(after, before), removed: without(before, after) };
}

type Facts = Pick<PersonChange, 'status' | 'start' | 'end' | 'login' | 'email'>;

function factChanges(from: PersonAccess | undefined, to: PersonAccess | undefined): Facts {
  const facts: { -readonly [K in keyof Facts]: Facts[K] } = {};
  const status = valueChange('status', from?.status, to?.status);
  const start = valueChange('start', from?.start, to?.start);
  const end = valueChange('end', from?.end, to?.end);
  const login = valueChange('login', from?.github, to?.github);
  const email = valueChange('email', from?.email, to?.email);
  if (status) facts.status = status;
  if (start) facts.start = start;
  if (end) facts.end = end;
  if (login) facts.login = login;
  if (email) facts.email = email;
  return facts;
}

/** A change of one value, or undefined when both sides hold the same. */
export function valueChange<T extends string>(name: string, from: T | undefined, to: T | undefined): ValueChange<T> | undefined {
  if (from === to) return undefined;
  return { name, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

/** Changes between two maps of values, sorted by key. */
export function mapChanges<T extends string>(from: ReadonlyMap<string, T>, to: ReadonlyMap<string, T>): ValueChange<T>[] {
  return [...new Set([...from.keys(), ...to.keys()])]
    .sort(compareText)
    .map((key) => valueChange(key, from.get(key), to.get(key)))
    .filter((change): change is ValueChange<T> => change !== undefined);
}

function without(list: readonly string[] | undefined, other: readonly string[] | undefined): string[] {
  const exclude = new Set(other ?? []);
  return [...new Set(list ?? [])].filter((id) => !exclude.has(id)).sort(compareText);
}
