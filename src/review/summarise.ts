import type { RiskLevel } from '../schema';
import type { AccessDiff, AwsChanges, PersonChange } from './diff-types';
import { awsAccessChanges } from './aws-effect';
import { isEmptyDiff } from './diff-models';
import { isCallout } from './fail-on';

/** Counts for the top of a review: who gains and loses, what changed, how risky. */
export interface DiffSummary {
  readonly people: {
    readonly changed: number;
    readonly added: number;
    readonly removed: number;
    /** Whose access begins on the date (added active, or now started). */
    readonly starting: number;
    /** Whose access ends or is now scheduled to end. */
    readonly ending: number;
    readonly gainingAccess: number;
    readonly losingAccess: number;
  };
  readonly roles: { readonly added: number; readonly removed: number; readonly renamed: number; readonly changed: number };
  readonly capabilities: number;
  readonly rotations: number;
  readonly justifications: number;
  readonly risks: { readonly high: number; readonly medium: number; readonly low: number };
  readonly callouts: number;
  readonly empty: boolean;
}

/** Whether effective AWS access grows or shrinks (a deny counts only where it changes what is allowed). */
export function hasAws(aws: AwsChanges, side: 'gained' | 'lost'): boolean {
  return awsAccessChanges(aws, side);
}

/** Whether a person gains any access: AWS, a higher repository permission, a team, a rotation, ownership. */
export function gainsAccess(person: PersonChange): boolean {
  const { github } = person;
  return (
    hasAws(person.aws, 'gained') ||
    github.repositories.some(
      (repository) => repository.to !== undefined && (repository.from === undefined || rank(repository.to) > rank(repository.from)),
    ) ||
    github.teams.some((team) => team.to !== undefined && (team.from === undefined || team.to === 'maintainer')) ||
    (github.org?.to !== undefined && (github.org.from === undefined || github.org.to === 'admin')) ||
    person.oncall.joined.length > 0
  );
}

/** Whether a person loses any access. */
export function losesAccess(person: PersonChange): boolean {
  const { github } = person;
  return (
    hasAws(person.aws, 'lost') ||
    github.repositories.some(
      (repository) => repository.from !== undefined && (repository.to === undefined || rank(repository.to) < rank(repository.from)),
    ) ||
    github.teams.some((team) => team.from !== undefined && (team.to === undefined || team.from === 'maintainer')) ||
    (github.org?.from !== undefined && (github.org.to === undefined || github.org.from === 'admin')) ||
    person.oncall.left.length > 0
  );
}

/** The counts of a diff. */
export function summarise(diff: AccessDiff): DiffSummary {
  const count = <T>(items: readonly T[], test: (item: T) => boolean): number => items.filter(test).length;
  const { duties, anchors, rejustified } = diff.justifications;
  const justifications = duties.length + anchors.length + rejustified.length;
  return {
    people: {
      changed: diff.people.length,
      added: count(diff.people, (person) => person.change === 'added'),
      removed: count(diff.people, (person) => person.change === 'removed'),
      starting: count(diff.people, (person) => person.status?.to === 'active'),
      ending: count(
        diff.people,
        (person) => person.status?.from === 'active' || (person.end?.to !== undefined && person.status?.to !== 'ended'),
      ),
      gainingAccess: count(diff.people, gainsAccess),
      losingAccess: count(diff.people, losesAccess),
    },
    roles: {
      added: count(diff.roles, (role) => role.change === 'added'),
      removed: count(diff.roles, (role) => role.change === 'removed'),
      renamed: count(diff.roles, (role) => role.change === 'renamed'),
      changed: count(diff.roles, (role) => role.change === 'changed'),
    },
    capabilities: diff.capabilities.length,
    rotations: diff.rotations.length,
    justifications,
    risks: {
      high: count(diff.risks, (item) => item.level === 'high'),
      medium: count(diff.risks, (item) => item.level === 'medium'),
      low: count(diff.risks, (item) => item.level === 'low'),
    },
    callouts: count(diff.risks, isCallout),
    empty: isEmptyDiff(diff),
  };
}

const ORDER = ['pull', 'triage', 'push', 'maintain', 'admin'];

function rank(permission: string): number {
  return ORDER.indexOf(permission);
}

const LEVEL_RANK: Readonly<Record<RiskLevel, number>> = { low: 0, medium: 1, high: 2 };

/** The highest risk level the diff shows for each capability: its risk rows and its re-rating, for the graph and the people's lines. */
export function capabilityRiskLevels(diff: AccessDiff): Map<string, RiskLevel> {
  const levels = new Map<string, RiskLevel>();
  const raise = (id: string, level: RiskLevel | undefined): void => {
    const seen = levels.get(id);
    if (level && (!seen || LEVEL_RANK[level] > LEVEL_RANK[seen])) levels.set(id, level);
  };
  for (const item of diff.risks) if (item.capability !== undefined) raise(item.capability, item.level);
  for (const capability of diff.capabilities) raise(capability.id, capability.risk?.to ?? capability.risk?.from);
  return levels;
}
