import { compareText } from '../../util/compare-text';
import { groupJustifications } from './justifications';
import { mergeGrants } from './role-grants';
import type { RiskLevel } from '../../schema';
import type { AccessModel, Grant, Justification, PersonAccess, Role } from '../types';

/**
 * A person's access, resolved from their roles when a view asks: the model stores it per role, so its
 * cost does not grow with the number of people. Nothing here is a decision: a person holds exactly the
 * union of their roles' capabilities and grants while active, and nothing otherwise.
 */

const roleIndexes = new WeakMap<AccessModel, ReadonlyMap<string, Role>>();

/** The model's roles by id (computed once per model). */
export function roleIndex(model: AccessModel): ReadonlyMap<string, Role> {
  let index = roleIndexes.get(model);
  if (!index) {
    index = new Map(model.roles.map((role) => [role.id, role]));
    roleIndexes.set(model, index);
  }
  return index;
}

/** The roles a person's access comes from: none unless active. */
export function rolesOf(model: AccessModel, person: PersonAccess): Role[] {
  if (person.status !== 'active') return [];
  const index = roleIndex(model);
  return person.roles.map((id) => index.get(id)).filter((role): role is Role => role !== undefined);
}

/** Capabilities a person holds, with every justification, sorted by id (empty unless active). */
export function personCapabilities(model: AccessModel, person: PersonAccess): { id: string; because: Justification[] }[] {
  return groupJustifications(rolesOf(model, person).flatMap((role) => role.capabilities.flatMap((capability) => capability.because)));
}

/** A person's concrete grants, each with every role and duty behind it, sorted by id (empty unless active). */
export function personGrants(model: AccessModel, person: PersonAccess): Grant[] {
  const roles = rolesOf(model, person);
  return roles.length ? mergeGrants(roles.map((role) => role.grants)) : [];
}

const grantIdSets = new WeakMap<Role, ReadonlySet<string>>();

function grantIdsOf(role: Role): ReadonlySet<string> {
  let ids = grantIdSets.get(role);
  if (!ids) grantIdSets.set(role, (ids = new Set(role.grants.map((grant) => grant.id))));
  return ids;
}

/** How many distinct grants a person holds (0 unless active), counted from their roles' grant ids. */
export function grantCount(model: AccessModel, person: PersonAccess): number {
  const [first, ...others] = [...new Set(rolesOf(model, person))];
  if (first === undefined) return 0;
  const earlier = [grantIdsOf(first)];
  let count = grantIdsOf(first).size;
  for (const role of others) {
    const ids = grantIdsOf(role);
    for (const id of ids) if (!earlier.some((seen) => seen.has(id))) count += 1;
    earlier.push(ids);
  }
  return count;
}

/** Counts for tables: how much a person holds, without building their grants. */
export interface AccessSummary {
  readonly capabilities: ReadonlySet<string>;
  readonly grants: number;
  /** The highest risk of any grant, '-' when there are none. */
  readonly highest: RiskLevel | '-';
  /** Capabilities no duty justifies, only a baseline reason. */
  readonly baselineOnly: readonly string[];
}

const RANK: Readonly<Record<RiskLevel, number>> = { low: 0, medium: 1, high: 2 };
const summaries = new WeakMap<AccessModel, Map<string, AccessSummary>>();

/** A person's access summary; people with the same roles share one. */
export function accessSummary(model: AccessModel, person: PersonAccess): AccessSummary {
  const roles = rolesOf(model, person);
  const key = roles
    .map((role) => role.id)
    .sort()
    .join('\n');
  let cache = summaries.get(model);
  if (!cache) summaries.set(model, (cache = new Map()));
  let summary = cache.get(key);
  if (!summary) {
    summary = summarize(roles);
    cache.set(key, summary);
  }
  return summary;
}

function summarize(roles: readonly Role[]): AccessSummary {
  const grantIds = new Set<string>();
  let highest: RiskLevel | '-' = '-';
  for (const grant of roles.flatMap((role) => role.grants)) {
    grantIds.add(grant.id);
    if (highest === '-' || RANK[grant.risk] > RANK[highest]) highest = grant.risk;
  }
  const capabilities = new Set<string>();
  const byDuty = new Set<string>();
  for (const capability of roles.flatMap((role) => role.capabilities)) {
    capabilities.add(capability.id);
    if (capability.because.some((justification) => justification.reason.kind === 'duty')) byDuty.add(capability.id);
  }
  return {
    capabilities,
    grants: grantIds.size,
    highest,
    baselineOnly: [...capabilities].filter((id) => !byDuty.has(id)).sort(compareText),
  };
}

/**
 * A person's entry as `explain --json` prints it: their facts with their capabilities and grants in
 * place, in the order the fields have always had.
 */
export function personEntry(model: AccessModel, person: PersonAccess): Record<string, unknown> {
  const { githubOwner, ...facts } = person;
  return {
    ...facts,
    capabilities: personCapabilities(model, person),
    grants: personGrants(model, person),
    ...(githubOwner ? { githubOwner } : {}),
  };
}

/** A role's entry as `explain --json` prints it: the role without its grants, which `explain` of a holder shows. */
export function roleEntry(role: Role | undefined): Record<string, unknown> | undefined {
  if (!role) return undefined;
  const { grants: _grants, ...entry } = role;
  return entry;
}
