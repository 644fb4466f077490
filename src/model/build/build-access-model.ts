import type { Located, RolesBundle } from '../../load/roles-bundle';
import { compareText } from '../../util/compare-text';
import type { CapabilityFile, OrgFile, RiskLevel } from '../../schema';
import { ObjectMemo } from '../../util/object-memo';
import type { ActionCatalog } from '../iam/action-catalog';
import type { AccessModel, Capability, PersonAccess, PersonStatus, Role } from '../types';
import { personStatus } from './person-status';
import { computeCapabilityRisk } from './capability-risk';
import { acceptanceOf } from './risk-acceptance-of';
import { githubState } from './build-github-state';
import { awsByAccount, awsState } from './build-aws-state';
import { oncallState } from './build-oncall-state';
import { groupJustifications, justificationsOf, refOf } from './justifications';
import { targetsOfCapability } from '../../backends/targets';
import { grantsOf, type GrantSources } from './role-grants';

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
  // A capability's access is derived once, however many roles and people hold it (and, for the same
  // capability and org.yaml objects, however many models are built: diff builds two).
  const awsOf = (capability: CapabilityFile) => awsMemo.get(capability, org, catalog, () => awsByAccount(capability, org, catalog));
  const targetsOf = (capability: CapabilityFile) =>
    targetsMemo.get(capability, org, catalog, () => targetsOfCapability(capability, { aws: awsOf(capability) }));
  const sources: GrantSources = {
    targetsOf: (id) => {
      const capability = capabilityFiles.get(id);
      return capability ? targetsOf(capability.value) : undefined;
    },
    riskOf: (id) => riskOf.get(id) ?? 'low',
  };

  const statusOf = new Map(peopleFiles.map((person) => [person.value.id, personStatus(person.value, asOf)]));
  const membersOf = new Map<string, string[]>();
  for (const person of peopleFiles) {
    if (statusOf.get(person.value.id) !== 'active') continue;
    for (const roleId of new Set(person.value.roles)) {
      const members = membersOf.get(roleId);
      if (members) members.push(person.value.id);
      else membersOf.set(roleId, [person.value.id]);
    }
  }

  // Everything a role confers is derived here, once per role: people only point at their roles.
  const roles: Role[] = roleFiles.map((role) => {
    const because = justificationsOf(role, bundle);
    return {
      id: role.value.id,
      title: role.value.title,
      jd: role.value.jd,
      at: refOf(role, []),
      capabilities: groupJustifications(because),
      members: membersOf.get(role.value.id) ?? [],
      grants: grantsOf(because, sources),
    };
  });

  const ownerIndex = new Map(org.github.owners.map((id, index) => [id, index]));
  const people: PersonAccess[] = peopleFiles.map((located) => {
    const person = located.value;
    const status = statusOf.get(person.id) ?? 'ended';
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
      ...(status === 'active' && ownerIndex.has(person.id) && bundle.org
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
    oncall: oncallState(org, bundle, people, roles, asOf),
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

const awsMemo = new ObjectMemo<CapabilityFile, OrgFile, ActionCatalog, ReturnType<typeof awsByAccount>>();
const targetsMemo = new ObjectMemo<CapabilityFile, OrgFile, ActionCatalog, ReturnType<typeof targetsOfCapability>>();

function byId<T extends { id: string }>(items: Located<T>[]): Located<T>[] {
  const seen = new Set<string>();
  return items
    .sort((a, b) => compareText(a.value.id, b.value.id))
    .filter((item) => (seen.has(item.value.id) ? false : (seen.add(item.value.id), true)));
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`internal: the access model needs a valid ${what}`);
  return value;
}

export type { PersonStatus, RiskLevel };
