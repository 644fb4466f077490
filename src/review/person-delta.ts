import type { PersonAccess } from '../model/types';
import { EMPTY_ACCESS, unionAccessSets, type AccessSet, type Provider } from './access-set';
import { accessDiffer, diffAccessSets, type AccessDelta } from './diff-access';
import { unchangedRole, type DiffSide } from './diff-side';

/**
 * A function from a person on each side to the access they gain and lose, cheap for the many people a
 * change does not touch. Someone with the same roles on both sides changes only where one of those roles
 * changed, so only the pieces those roles changed are compared (with every role's providers of them,
 * since another role may hold the same piece); nobody else's roles are unioned at all. Someone whose
 * roles or status changed is compared in full. Results are shared by everyone with the same roles.
 */
export function personDeltas(
  base: DiffSide,
  head: DiffSide,
): (from: PersonAccess | undefined, to: PersonAccess | undefined) => AccessDelta {
  const full = accessDiffer();
  const changes = new Map<string, Changed | undefined>();
  const changedOf = (roleId: string): Changed | undefined => {
    if (!changes.has(roleId))
      changes.set(
        roleId,
        unchangedRole(base, head, roleId, roleId) ? undefined : changedPieces(base.roleAccess(roleId), head.roleAccess(roleId)),
      );
    return changes.get(roleId);
  };
  const sameRoles = new Map<string, AccessDelta>();
  return (from, to) => {
    const before = from ? base.activeRoles(from) : NO_ROLES;
    const after = to ? head.activeRoles(to) : NO_ROLES;
    if (before.key !== after.key)
      return full(from ? base.personAccess(from).access : EMPTY_ACCESS, to ? head.personAccess(to).access : EMPTY_ACCESS);
    let delta = sameRoles.get(before.key);
    if (!delta) {
      const changed = before.ids.map(changedOf).filter((pieces): pieces is Changed => pieces !== undefined);
      if (changed.length === 0) delta = EMPTY_DELTA;
      else {
        const keys = mergeChanged(changed);
        // A changed deny is judged against all the person holds, not only the changed pieces.
        const whole = () => ({
          base: unionAccessSets(before.ids.map(base.roleAccess)),
          head: unionAccessSets(after.ids.map(head.roleAccess)),
        });
        delta = diffAccessSets(
          unionAccessSets(before.ids.map((id) => restrict(base.roleAccess(id), keys))),
          unionAccessSets(after.ids.map((id) => restrict(head.roleAccess(id), keys))),
          whole,
        );
      }
      sameRoles.set(before.key, delta);
    }
    return delta;
  };
}

const NO_ROLES = { key: '', ids: [] as readonly string[] };
const EMPTY_DELTA: AccessDelta = diffAccessSets(EMPTY_ACCESS, EMPTY_ACCESS);

/** The keys of the pieces a role holds on one side only (or at another repository permission). */
interface Changed {
  readonly aws: ReadonlySet<string>;
  readonly repositories: ReadonlySet<string>;
  readonly teams: ReadonlySet<string>;
  readonly rotations: ReadonlySet<string>;
}

function changedPieces(before: AccessSet, after: AccessSet): Changed | undefined {
  const differing = <T>(a: ReadonlyMap<string, T>, b: ReadonlyMap<string, T>, same: (x: T, y: T) => boolean = () => true): Set<string> => {
    const keys = new Set<string>();
    for (const [key, value] of a) {
      const other = b.get(key);
      if (other === undefined || !same(value, other)) keys.add(key);
    }
    for (const key of b.keys()) if (!a.has(key)) keys.add(key);
    return keys;
  };
  const changed: Changed = {
    aws: differing(before.aws, after.aws),
    repositories: differing(before.repositories, after.repositories, (x, y) => x.permission === y.permission),
    teams: differing(before.teams, after.teams),
    rotations: differing(before.rotations, after.rotations),
  };
  return changed.aws.size + changed.repositories.size + changed.teams.size + changed.rotations.size === 0 ? undefined : changed;
}

function mergeChanged(list: readonly Changed[]): Changed {
  const union = (pick: (changed: Changed) => ReadonlySet<string>): Set<string> => new Set(list.flatMap((changed) => [...pick(changed)]));
  return {
    aws: union((c) => c.aws),
    repositories: union((c) => c.repositories),
    teams: union((c) => c.teams),
    rotations: union((c) => c.rotations),
  };
}

/** Only the given pieces of an access set. */
function restrict(set: AccessSet, keys: Changed): AccessSet {
  const pick = <T>(map: ReadonlyMap<string, T>, wanted: ReadonlySet<string>): Map<string, T> => {
    const picked = new Map<string, T>();
    for (const key of wanted) {
      const value = map.get(key);
      if (value !== undefined) picked.set(key, value);
    }
    return picked;
  };
  return {
    aws: pick(set.aws, keys.aws),
    repositories: pick(set.repositories, keys.repositories),
    teams: pick<readonly Provider[]>(set.teams, keys.teams),
    rotations: pick<readonly Provider[]>(set.rotations, keys.rotations),
  };
}
