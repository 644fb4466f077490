import { compareText } from '../util/compare-text';
import type { AccessSet } from './access-set';
import type { DiffSide } from './diff-side';

/** A role on one or both sides: `base` and `head` are its ids there. */
export interface RolePair {
  readonly base?: string;
  readonly head?: string;
}

/**
 * Pairs the roles of two sides: the same id, else a rename. A role that exists only in the base is taken
 * as renamed to one that exists only in the head when both grant exactly the same access for the same
 * reasons, or, failing that, when they are the only such roles to cite the same JD. Several identical
 * candidates pair in id order, so the pairing of (a, b) is the mirror of that of (b, a).
 */
export function matchRoles(base: DiffSide, head: DiffSide): RolePair[] {
  const pairs: RolePair[] = [];
  const onlyBase: string[] = [];
  const onlyHead: string[] = [];
  for (const id of [...new Set([...base.roles.keys(), ...head.roles.keys()])].sort(compareText)) {
    if (base.roles.has(id) && head.roles.has(id)) pairs.push({ base: id, head: id });
    else (base.roles.has(id) ? onlyBase : onlyHead).push(id);
  }
  const paired = new Set<string>();
  const pairBy = (keyOf: (side: DiffSide, id: string) => string, unique: boolean): void => {
    const baseGroups = groupBy(
      onlyBase.filter((id) => !paired.has(`b:${id}`)),
      (id) => keyOf(base, id),
    );
    const headGroups = groupBy(
      onlyHead.filter((id) => !paired.has(`h:${id}`)),
      (id) => keyOf(head, id),
    );
    for (const [key, baseIds] of baseGroups) {
      if (key === '') continue;
      const headIds = headGroups.get(key) ?? [];
      if (unique && (baseIds.length !== 1 || headIds.length !== 1)) continue;
      baseIds.slice(0, headIds.length).forEach((id, index) => {
        const other = headIds[index] ?? '';
        pairs.push({ base: id, head: other });
        paired.add(`b:${id}`).add(`h:${other}`);
      });
    }
  };
  pairBy((side, id) => signature(side.roleAccess(id)), false);
  pairBy((side, id) => `jd\u0000${side.roles.get(id)?.jd ?? ''}`, true);
  for (const id of onlyBase) if (!paired.has(`b:${id}`)) pairs.push({ base: id });
  for (const id of onlyHead) if (!paired.has(`h:${id}`)) pairs.push({ head: id });
  return pairs.sort((a, b) => compareText(a.head ?? a.base ?? '', b.head ?? b.base ?? '') || compareText(a.base ?? '', b.base ?? ''));
}

/** Renamed roles, base id → head id. */
export function renames(pairs: readonly RolePair[]): ReadonlyMap<string, string> {
  return new Map(
    pairs.filter((pair) => pair.base && pair.head && pair.base !== pair.head).map((pair) => [pair.base ?? '', pair.head ?? '']),
  );
}

/** What a role grants and why, independent of its id and of how its capabilities are cut; empty when it grants nothing. */
function signature(access: AccessSet): string {
  const reasons = (providers: readonly { readonly reasons: readonly string[] }[]): string =>
    [...new Set(providers.flatMap((provider) => provider.reasons))].sort().join('\u0001');
  const parts = [
    ...[...access.aws].map(([key, held]) => `a\u0000${key}\u0000${reasons(held.providers)}`),
    ...[...access.repositories].map(([key, held]) => `r\u0000${key}\u0000${held.permission}\u0000${reasons(held.providers)}`),
    ...[...access.teams].map(([slug, providers]) => `t\u0000${slug}\u0000${reasons(providers)}`),
    ...[...access.rotations].map(([id, providers]) => `o\u0000${id}\u0000${reasons(providers)}`),
  ];
  // A role that grants nothing is like any other that grants nothing: no evidence of a rename.
  return parts.length === 0 ? '' : parts.sort().join('\n');
}

function groupBy(ids: readonly string[], keyOf: (id: string) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const key = keyOf(id);
    const group = groups.get(key);
    if (group) group.push(id);
    else groups.set(key, [id]);
  }
  return groups;
}
