import { compareText } from '../util/compare-text';
import { EMPTY_ACCESS } from './access-set';
import { diffAccessSets, type AccessDelta } from './diff-access';
import { unchangedRole, type DiffSide } from './diff-side';
import type { RoleChange } from './diff-types';
import type { RolePair } from './match-roles';
import { valueChange } from './person-changes';
import type { RiskCollector } from './risk-collector';

/**
 * Roles whose definition changed what they grant: added, removed, renamed, or changed in access or
 * team. A role whose capabilities were only cut differently (one split in two, the same grants) is no
 * change. Each lists everyone it affects: its holders on either side.
 */
export function roleChanges(base: DiffSide, head: DiffSide, pairs: readonly RolePair[], risks: RiskCollector): RoleChange[] {
  const changes: RoleChange[] = [];
  for (const pair of pairs) {
    const from = pair.base ? base.roles.get(pair.base) : undefined;
    const to = pair.head ? head.roles.get(pair.head) : undefined;
    const id = to?.id ?? from?.id ?? '';
    const delta = diffOf(base, head, pair);
    const team = valueChange(
      'team',
      pair.base ? base.teamOfRole(pair.base) : undefined,
      pair.head ? head.teamOfRole(pair.head) : undefined,
    );
    const change: RoleChange['change'] = !from ? 'added' : !to ? 'removed' : from.id !== to.id ? 'renamed' : 'changed';
    if (change === 'changed' && delta.empty && !team) continue;
    // A role's own change reaches its holders through the people's deltas; here only the role is recorded.
    risks.addDelta(delta);
    const fromCapabilities = new Set(from?.capabilities.map((capability) => capability.id) ?? []);
    const toCapabilities = new Set(to?.capabilities.map((capability) => capability.id) ?? []);
    changes.push({
      id,
      change,
      ...(change === 'renamed' && from ? { from: from.id } : {}),
      ...(team ? { team } : {}),
      capabilities: {
        added: [...toCapabilities].filter((capability) => !fromCapabilities.has(capability)).sort(compareText),
        removed: [...fromCapabilities].filter((capability) => !toCapabilities.has(capability)).sort(compareText),
      },
      aws: delta.aws,
      github: delta.github,
      oncall: delta.oncall,
      members: [...new Set([...(from?.members ?? []), ...(to?.members ?? [])])].sort(compareText),
    });
  }
  return changes;
}

function diffOf(base: DiffSide, head: DiffSide, pair: RolePair): AccessDelta {
  if (pair.base && pair.head && unchangedRole(base, head, pair.base, pair.head)) return NO_CHANGE;
  return diffAccessSets(pair.base ? base.roleAccess(pair.base) : EMPTY_ACCESS, pair.head ? head.roleAccess(pair.head) : EMPTY_ACCESS);
}

const NO_CHANGE: AccessDelta = diffAccessSets(EMPTY_ACCESS, EMPTY_ACCESS);
