import { compareText } from '../util/compare-text';
import { PERMISSION_RANK, type AccessSet, type AwsTuple, type Held, type Provider } from './access-set';
import type { AwsChanges, GithubChanges } from './diff-types';
import { denyEffects, type DenyEffects, type WholeAccess } from './effective-deny';
import { groupPolicies, groupStatements, highestRisk } from './group-aws';

/** Access gained and lost between two access sets, with the providers behind each piece (for risk). */
export interface AccessDelta {
  readonly aws: AwsChanges;
  readonly github: GithubChanges;
  readonly oncall: { readonly joined: readonly string[]; readonly left: readonly string[] };
  /** Every piece gained (held in head only) or lost (held in base only), with its providers on that side. */
  readonly gained: readonly Piece[];
  readonly lost: readonly Piece[];
  readonly empty: boolean;
}

/** One piece of access that changed: an AWS tuple, a repository permission raised or lowered, a team or a rotation. */
export interface Piece {
  readonly kind: 'aws' | 'repository' | 'team' | 'rotation';
  readonly deny?: boolean;
  /**
   * For a deny: whether it changes effective access by itself (see `denyEffects`): lifted while an allow
   * it narrowed stays, or added over kept access. A deny that goes with the allow it narrows is not.
   */
  readonly effective?: boolean;
  readonly providers: readonly Provider[];
}

/**
 * Compares two access sets as sets: a piece held on both sides is no change, whoever provides it. A
 * changed deny is judged against `whole` (everything held on each side, when the sets compared are only
 * a part of it), built only when some deny changed.
 */
export function diffAccessSets(base: AccessSet, head: AccessSet, whole: () => WholeAccess = () => ({ base, head })): AccessDelta {
  const gainedAws = onlyIn(head.aws, base.aws);
  const lostAws = onlyIn(base.aws, head.aws);
  const isDeny = (held: Held<AwsTuple>): boolean => held.item.effect === 'Deny' && held.item.kind === 'action';
  const effects: DenyEffects | undefined = gainedAws.some(isDeny) || lostAws.some(isDeny) ? denyEffects(whole()) : undefined;
  const narrows = (item: AwsTuple): boolean => effects?.narrows(item) ?? false;
  const lifts = (item: AwsTuple): boolean => effects?.lifts(item) ?? false;
  const gained: Piece[] = gainedAws.map((held) => awsPiece(held, narrows));
  const lost: Piece[] = lostAws.map((held) => awsPiece(held, lifts));

  const repositories: GithubChanges['repositories'][number][] = [];
  for (const key of union(base.repositories.keys(), head.repositories.keys())) {
    const from = base.repositories.get(key);
    const to = head.repositories.get(key);
    if (from?.permission === to?.permission) continue;
    const raised = to !== undefined && (from === undefined || PERMISSION_RANK[to.permission] > PERMISSION_RANK[from.permission]);
    const providers = (raised ? to?.providers : from?.providers) ?? [];
    (raised ? gained : lost).push({ kind: 'repository', providers });
    const names = [from?.name, to?.name].filter((name): name is string => name !== undefined).sort(compareText);
    repositories.push({
      name: names[0] ?? key,
      ...(from ? { from: from.permission } : {}),
      ...(to ? { to: to.permission } : {}),
      risk: highestRisk(providers),
    });
  }

  const teams: GithubChanges['teams'][number][] = [];
  for (const slug of union(base.teams.keys(), head.teams.keys())) {
    const from = base.teams.get(slug);
    const to = head.teams.get(slug);
    if ((from === undefined) === (to === undefined)) continue;
    (to ? gained : lost).push({ kind: 'team', providers: to ?? from ?? [] });
    teams.push({ name: slug, ...(from ? { from: 'member' as const } : {}), ...(to ? { to: 'member' as const } : {}) });
  }

  const joined = onlyKeys(head.rotations, base.rotations);
  const left = onlyKeys(base.rotations, head.rotations);
  joined.forEach((id) => gained.push({ kind: 'rotation', providers: head.rotations.get(id) ?? [] }));
  left.forEach((id) => lost.push({ kind: 'rotation', providers: base.rotations.get(id) ?? [] }));

  return {
    aws: {
      gained: groupStatements(gainedAws, narrows),
      lost: groupStatements(lostAws, lifts),
      policiesGained: groupPolicies(gainedAws),
      policiesLost: groupPolicies(lostAws),
    },
    github: { repositories, teams },
    oncall: { joined, left },
    gained,
    lost,
    empty: gained.length === 0 && lost.length === 0,
  };
}

/** A memo of {@link diffAccessSets} by the pair of access sets: people with the same roles on both sides share one. */
export function accessDiffer(): (base: AccessSet, head: AccessSet) => AccessDelta {
  const memo = new WeakMap<AccessSet, WeakMap<AccessSet, AccessDelta>>();
  return (base, head) => {
    let byHead = memo.get(base);
    if (!byHead) memo.set(base, (byHead = new WeakMap()));
    let delta = byHead.get(head);
    if (!delta) byHead.set(head, (delta = diffAccessSets(base, head)));
    return delta;
  };
}

/** No AWS, GitHub or on-call change. */
export const NO_AWS_CHANGES: AwsChanges = { gained: [], lost: [], policiesGained: [], policiesLost: [] };

function awsPiece(held: Held<AwsTuple>, effective: (item: AwsTuple) => boolean): Piece {
  if (held.item.effect !== 'Deny') return { kind: 'aws', providers: held.providers };
  return { kind: 'aws', deny: true, effective: effective(held.item), providers: held.providers };
}

function onlyIn<T>(from: ReadonlyMap<string, Held<T>>, other: ReadonlyMap<string, Held<T>>): Held<T>[] {
  const result: Held<T>[] = [];
  for (const [key, held] of from) if (!other.has(key)) result.push(held);
  return result;
}

function onlyKeys(from: ReadonlyMap<string, unknown>, other: ReadonlyMap<string, unknown>): string[] {
  return [...from.keys()].filter((key) => !other.has(key)).sort(compareText);
}

function union(a: Iterable<string>, b: Iterable<string>): string[] {
  return [...new Set([...a, ...b])].sort(compareText);
}
