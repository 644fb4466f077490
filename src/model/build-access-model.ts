import { findQuote } from '../jd';
import type { Located, RolesBundle } from '../load/roles-bundle';
import { compareText } from '../load/problem';
import type { CapabilityFile, PersonFile, RiskLevel, RoleFile } from '../schema';
import type { ActionCatalog } from './iam/action-catalog';
import type {
  AccessModel,
  Capability,
  Grant,
  GrantTarget,
  Justification,
  PersonAccess,
  PersonStatus,
  Role,
} from './types';
import { personStatus } from './person-status';
import { computeCapabilityRisk } from './capability-risk';
import { acceptanceOf } from './risk-acceptance-of';
import { githubState } from './build-github-state';
import { awsByAccount, awsState, type AccountAccess } from './build-aws-state';
import { oncallState } from './build-oncall-state';

/** Everything the model is built from. `asOf` is a YYYY-MM-DD date: the caller reads the clock, not us. */
export interface ModelInput {
  readonly bundle: RolesBundle;
  readonly asOf: string;
  readonly catalog: ActionCatalog;
}

/**
 * Builds the access model: who gets what on `asOf`, and why. Pure and deterministic: entries are sorted
 * by id, so the order of entries in the files never changes the result. Expects a bundle that passed
 * `checkBundle` (unknown references are skipped, not reported, here).
 */
export function buildAccessModel({ bundle, asOf, catalog }: ModelInput): AccessModel {
  const org = required(bundle.org, 'org.yaml').value;
  const capabilityFiles = new Map(bundle.capabilities.map((capability) => [capability.value.id, capability]));
  const roleFiles = byId(bundle.roles.map((role) => role));
  const peopleFiles = byId(bundle.people.map((person) => person));

  const capabilities = [...capabilityFiles.values()]
    .map((capability) => capabilityOf(capability, catalog))
    .sort((a, b) => compareText(a.id, b.id));
  const riskOf = new Map(capabilities.map((capability) => [capability.id, capability.risk.level]));
  // A capability's access is derived once, however many roles and people hold it.
  const awsOf = memoById((capability: CapabilityFile) => awsByAccount(capability, org, catalog));
  const targetsOf = memoById((capability: CapabilityFile) => targetsOfCapability(capability, awsOf(capability)));

  const roleCapabilities = new Map(roleFiles.map((role) => [role.value.id, justificationsOf(role, bundle)]));
  const statusOf = new Map(peopleFiles.map((person) => [person.value.id, personStatus(person.value, asOf)]));
  const active = peopleFiles.filter((person) => statusOf.get(person.value.id) === 'active');

  const roles: Role[] = roleFiles.map((role) => ({
    id: role.value.id,
    title: role.value.title,
    jd: role.value.jd,
    at: refOf(role, []),
    capabilities: groupJustifications(roleCapabilities.get(role.value.id) ?? []),
    members: active.filter((person) => person.value.roles.includes(role.value.id)).map((person) => person.value.id),
  }));

  const grantsOf = (person: PersonFile): Grant[] => {
    const because = person.roles.flatMap((roleId) => roleCapabilities.get(roleId) ?? []);
    const byGrant = new Map<string, { target: GrantTarget; capabilityId: string; because: Justification[] }>();
    for (const justification of because) {
      const capability = capabilityFiles.get(justification.capabilityId);
      if (!capability) continue;
      for (const [key, target] of targetsOf(capability.value)) {
        const id = `${capability.value.id}/${key}`;
        const entry = byGrant.get(id) ?? { target, capabilityId: capability.value.id, because: [] };
        entry.because.push(justification);
        byGrant.set(id, entry);
      }
    }
    return [...byGrant.entries()]
      .map(([id, entry]) => ({
        id,
        capabilityId: entry.capabilityId,
        target: entry.target,
        risk: riskOf.get(entry.capabilityId) ?? 'low',
        because: sortJustifications(entry.because),
      }))
      .sort((a, b) => compareText(a.id, b.id));
  };

  const ownerIndex = new Map(org.github.owners.map((id, index) => [id, index]));
  const people: PersonAccess[] = peopleFiles.map((located) => {
    const person = located.value;
    const status = statusOf.get(person.id) ?? 'ended';
    const isActive = status === 'active';
    const because = isActive ? person.roles.flatMap((roleId) => roleCapabilities.get(roleId) ?? []) : [];
    return {
      id: person.id,
      name: person.name,
      email: person.email,
      github: person.github,
      roles: [...person.roles].sort(),
      start: person.start,
      ...(person.end ? { end: person.end } : {}),
      status,
      ...(person.oncallOptOut ? { oncallOptOut: person.oncallOptOut.reason } : {}),
      at: refOf(located, []),
      capabilities: groupJustifications(because),
      grants: isActive ? grantsOf(person) : [],
      ...(isActive && ownerIndex.has(person.id) && bundle.org
        ? { githubOwner: { risk: 'high' as const, at: refOf(bundle.org, ['github', 'owners', ownerIndex.get(person.id) ?? 0]) } }
        : {}),
    };
  });

  return {
    asOf,
    org: { name: org.name },
    people,
    roles,
    capabilities,
    aws: awsState(org, roles, people, capabilityFiles, awsOf),
    github: githubState(org, roles, people, roleFiles, capabilityFiles),
    oncall: oncallState(org, bundle, people),
  };
}

function capabilityOf(located: Located<CapabilityFile>, catalog: ActionCatalog): Capability {
  const capability = located.value;
  return {
    id: capability.id,
    description: capability.description,
    risk: computeCapabilityRisk(capability, catalog, acceptanceOf(located)),
    at: refOf(located, ['id']),
  };
}

/** Every (capability, reason) a role confers, from its duties and its baseline. */
function justificationsOf(located: Located<RoleFile>, bundle: RolesBundle): Justification[] {
  const role = located.value;
  const jd = bundle.jds.get(role.jd);
  const result: Justification[] = [];
  role.duties.forEach((duty, index) => {
    const match = jd ? findQuote(jd.jd, duty.quote) : undefined;
    const jdRef = match?.found
      ? { file: jd?.file ?? role.jd, line: match.item.line, section: match.section.heading, text: match.item.text }
      : { file: jd?.file ?? role.jd, line: 0, section: '', text: '' };
    for (const capabilityId of duty.capabilities) {
      result.push({
        roleId: role.id,
        capabilityId,
        reason: { kind: 'duty', quote: duty.quote, at: refOf(located, ['duties', index, 'quote']), jd: jdRef },
      });
    }
  });
  role.baseline.forEach((baseline, index) => {
    result.push({
      roleId: role.id,
      capabilityId: baseline.capability,
      reason: { kind: 'baseline', reason: baseline.reason, at: refOf(located, ['baseline', index, 'reason']) },
    });
  });
  return result;
}

/** The concrete targets of a capability, keyed by a stable target key. */
function targetsOfCapability(capability: CapabilityFile, aws: readonly [string, AccountAccess][]): [string, GrantTarget][] {
  const targets: [string, GrantTarget][] = [];
  for (const [account, access] of aws) {
    targets.push([`aws:${account}`, { backend: 'aws', kind: 'policy', account, ...access }]);
  }
  for (const repository of capability.github?.repositories ?? []) {
    targets.push([
      `github:repo:${repository.name.toLowerCase()}`,
      { backend: 'github', kind: 'repository', repository: repository.name, permission: repository.permission },
    ]);
  }
  for (const team of capability.github?.teams ?? []) {
    targets.push([`github:team:${team}`, { backend: 'github', kind: 'team', team }]);
  }
  for (const team of capability.github?.existingTeams ?? []) {
    targets.push([`github:team:${team}`, { backend: 'github', kind: 'team', team, existing: true }]);
  }
  for (const rotation of capability.oncall?.rotations ?? []) {
    targets.push([`oncall:${rotation}`, { backend: 'oncall', kind: 'rotation', rotation }]);
  }
  return targets;
}

/** Groups justifications by capability id, both sorted. */
function groupJustifications(items: readonly Justification[]): { id: string; because: Justification[] }[] {
  const byCapability = new Map<string, Justification[]>();
  for (const item of items) byCapability.set(item.capabilityId, [...(byCapability.get(item.capabilityId) ?? []), item]);
  return [...byCapability.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([id, because]) => ({ id, because: sortJustifications(because) }));
}

function sortJustifications(items: readonly Justification[]): Justification[] {
  return [...items].sort(
    (a, b) =>
      compareText(a.roleId, b.roleId) ||
      compareText(a.capabilityId, b.capabilityId) ||
      compareText(a.reason.at.file, b.reason.at.file) ||
      a.reason.at.line - b.reason.at.line,
  );
}

/** Caches a function of a capability by its id (ids are unique once the bundle is checked). */
function memoById<T>(compute: (capability: CapabilityFile) => T): (capability: CapabilityFile) => T {
  const cache = new Map<string, T>();
  return (capability) => {
    let value = cache.get(capability.id);
    if (value === undefined) {
      value = compute(capability);
      cache.set(capability.id, value);
    }
    return value;
  };
}

function byId<T extends { id: string }>(items: Located<T>[]): Located<T>[] {
  const seen = new Set<string>();
  return items
    .sort((a, b) => compareText(a.value.id, b.value.id))
    .filter((item) => (seen.has(item.value.id) ? false : (seen.add(item.value.id), true)));
}

function refOf(located: Located<unknown>, path: readonly (string | number)[]): { file: string; line: number } {
  return { file: located.source.file, line: located.source.locate([...located.path, ...path]).line };
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`internal: the access model needs a valid ${what}`);
  return value;
}

export type { PersonStatus, RiskLevel };
