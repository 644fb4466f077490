import type { AccessDiff, AwsChanges, GithubChanges, RiskKind, ValueChange } from './diff-types';
import { sortDiff } from './sort-diff';

const MIRROR_KIND: Readonly<Record<RiskKind, RiskKind>> = {
  'access-gained': 'access-lost',
  'access-lost': 'access-gained',
  'deny-added': 'deny-removed',
  'deny-removed': 'deny-added',
  'risk-raised': 'risk-lowered',
  'risk-lowered': 'risk-raised',
  'acceptance-added': 'acceptance-removed',
  'acceptance-removed': 'acceptance-added',
  'acceptance-widened': 'acceptance-narrowed',
  'acceptance-narrowed': 'acceptance-widened',
  'acceptance-extended': 'acceptance-shortened',
  'acceptance-shortened': 'acceptance-extended',
  'acceptance-changed': 'acceptance-changed',
  'owner-added': 'owner-removed',
  'owner-removed': 'owner-added',
};

const MIRROR_CHANGE = { added: 'removed', removed: 'added', changed: 'changed', renamed: 'renamed' } as const;

/**
 * The diff read the other way: what was gained is lost, added is removed, `from` is `to`, and renamed
 * roles go by their other id. `diffModels(head, base)` equals `mirrorDiff(diffModels(base, head))`.
 */
export function mirrorDiff(diff: AccessDiff): AccessDiff {
  // Justifications name roles by their head id: read the other way, that is the base id.
  const otherId = new Map(diff.roles.flatMap((role) => (role.from !== undefined ? [[role.id, role.from] as const] : [])));
  const role = (id: string): string => otherId.get(id) ?? id;
  const { duties, anchors, rejustified } = diff.justifications;
  return sortDiff({
    asOf: diff.asOf,
    risks: diff.risks.map((item) => ({ ...item, kind: MIRROR_KIND[item.kind] })),
    people: diff.people.map((person) => {
      const { previousName, status, start, end, login, email, ...rest } = person;
      return {
        ...rest,
        name: previousName ?? person.name,
        ...(previousName !== undefined ? { previousName: person.name } : {}),
        change: MIRROR_CHANGE[person.change],
        ...(status ? { status: swap(status) } : {}),
        ...(start ? { start: swap(start) } : {}),
        ...(end ? { end: swap(end) } : {}),
        ...(login ? { login: swap(login) } : {}),
        ...(email ? { email: swap(email) } : {}),
        roles: { added: person.roles.removed, removed: person.roles.added },
        capabilities: { added: person.capabilities.removed, removed: person.capabilities.added },
        aws: swapAws(person.aws),
        github: { ...(person.github.org ? { org: swap(person.github.org) } : {}), ...swapGithub(person.github) },
        oncall: { joined: person.oncall.left, left: person.oncall.joined },
      };
    }),
    roles: diff.roles.map(({ from, team, ...change }) => ({
      ...change,
      id: from ?? change.id,
      change: MIRROR_CHANGE[change.change],
      ...(from !== undefined ? { from: change.id } : {}),
      ...(team ? { team: swap(team) } : {}),
      capabilities: { added: change.capabilities.removed, removed: change.capabilities.added },
      aws: swapAws(change.aws),
      github: swapGithub(change.github),
      oncall: { joined: change.oncall.left, left: change.oncall.joined },
    })),
    capabilities: diff.capabilities.map(({ risk, acceptance, ...change }) => ({
      ...change,
      change: MIRROR_CHANGE[change.change],
      ...(risk ? { risk: swap(risk) } : {}),
      ...(acceptance
        ? { acceptance: { ...(acceptance.to ? { from: acceptance.to } : {}), ...(acceptance.from ? { to: acceptance.from } : {}) } }
        : {}),
      aws: swapAws(change.aws),
      github: swapGithub(change.github),
      oncall: { joined: change.oncall.left, left: change.oncall.joined },
    })),
    rotations: diff.rotations.map(({ order, schedule, ...change }) => ({
      ...change,
      change: MIRROR_CHANGE[change.change],
      joined: change.left,
      left: change.joined,
      ...(order ? { order: { from: order.to, to: order.from } } : {}),
      ...(schedule ? { schedule: swap(schedule) } : {}),
    })),
    justifications: {
      duties: duties.map((duty) => ({ ...duty, role: role(duty.role), change: MIRROR_CHANGE[duty.change] })),
      anchors: anchors.map((anchor) => ({ ...anchor, role: role(anchor.role), from: anchor.to, to: anchor.from })),
      rejustified: rejustified.map((entry) => ({ ...entry, role: role(entry.role), before: entry.after, after: entry.before })),
    },
    settings: diff.settings.map(swap),
  });
}

function swap<T>(change: ValueChange<T>): ValueChange<T> {
  return {
    name: change.name,
    ...(change.to !== undefined ? { from: change.to } : {}),
    ...(change.from !== undefined ? { to: change.from } : {}),
  };
}

function swapAws(aws: AwsChanges): AwsChanges {
  return { gained: aws.lost, lost: aws.gained, policiesGained: aws.policiesLost, policiesLost: aws.policiesGained };
}

function swapGithub(github: GithubChanges): GithubChanges {
  return {
    repositories: github.repositories.map((repository) => ({ ...swap(repository), risk: repository.risk })),
    teams: github.teams.map(swap),
  };
}
