import type { RiskAcceptance } from '../model/types';
import type { RiskLevel } from '../schema';
import { compareText } from '../util/compare-text';
import { EMPTY_ACCESS, normalise, roleAccessSet, type AccessSet } from './access-set';
import { diffAccessSets } from './diff-access';
import type { DiffSide } from './diff-side';
import type { AcceptanceView, CapabilityChange } from './diff-types';
import { valueChange } from './person-changes';
import type { RiskCollector } from './risk-collector';

const RANK: Readonly<Record<RiskLevel, number>> = { low: 0, medium: 1, high: 2 };

/**
 * Capabilities whose grants, risk level or acceptance changed, with the roles granting them and everyone
 * holding them on either side. A capability that exists on one side only is listed when access changed
 * because of it or it carries an acceptance: one split in two with the same grants is no change.
 */
export function capabilityChanges(
  base: DiffSide,
  head: DiffSide,
  changedAccess: ReadonlySet<string>,
  renamed: ReadonlyMap<string, string>,
  risks: RiskCollector,
): CapabilityChange[] {
  const changes: CapabilityChange[] = [];
  for (const id of [...new Set([...base.capabilities.keys(), ...head.capabilities.keys()])].sort(compareText)) {
    const from = base.capabilities.get(id);
    const to = head.capabilities.get(id);
    const granted = { base: base.rolesGranting(id), head: head.rolesGranting(id) };
    const delta = diffAccessSets(capabilityAccess(base, id), capabilityAccess(head, id));
    const risk = valueChange('risk', from?.risk.level, to?.risk.level);
    const acceptance = acceptanceChanged(from?.risk.accepted, to?.risk.accepted, renamed);
    const accessCounts = !delta.empty && ((granted.base.length > 0 && granted.head.length > 0) || changedAccess.has(id));
    const listed =
      from && to ? accessCounts || risk !== undefined || acceptance : changedAccess.has(id) || (from ?? to)?.risk.accepted !== undefined;
    if (!listed) continue;

    const people = [...new Set([...holders(base, granted.base), ...holders(head, granted.head)])].sort(compareText);
    const roles = [...new Set([...granted.base, ...granted.head])].sort(compareText);
    if (from && to && risk)
      risks.add(
        RANK[to.risk.level] > RANK[from.risk.level] ? 'risk-raised' : 'risk-lowered',
        maxLevel(from.risk.level, to.risk.level),
        id,
        roles,
        people,
      );
    if (acceptance) addAcceptanceRisks(base, head, id, renamed, risks);
    changes.push({
      id,
      change: !from ? 'added' : !to ? 'removed' : 'changed',
      ...(risk ? { risk } : {}),
      ...(acceptance
        ? {
            acceptance: {
              ...(from?.risk.accepted ? { from: view(from.risk.accepted) } : {}),
              ...(to?.risk.accepted ? { to: view(to.risk.accepted) } : {}),
            },
          }
        : {}),
      aws: delta.aws,
      github: delta.github,
      oncall: delta.oncall,
      roles,
      people,
    });
  }
  return changes;
}

/** What a capability grants, read from a role that grants it (targets are the capability's, whichever role). */
function capabilityAccess(side: DiffSide, id: string): AccessSet {
  const roleId = side.rolesGranting(id)[0];
  const role = roleId === undefined ? undefined : side.roles.get(roleId);
  if (!role) return EMPTY_ACCESS;
  return roleAccessSet({ ...role, grants: role.grants.filter((grant) => grant.capabilityId === id) }, side.context);
}

/** Whether two acceptances differ in what they decide, reading renamed roles under their new ids. */
function acceptanceChanged(
  from: RiskAcceptance | undefined,
  to: RiskAcceptance | undefined,
  renamed: ReadonlyMap<string, string>,
): boolean {
  if (!from || !to) return from !== to;
  const roles = (list: readonly string[], map: ReadonlyMap<string, string>): string =>
    [...new Set(list.map((role) => map.get(role) ?? role))].sort().join(',');
  const reversed = new Map([...renamed].map(([oldId, newId]) => [newId, oldId]));
  const none = new Map<string, string>();
  // Both ways, so that the answer does not depend on which side is the base.
  return (
    roles(from.roles, renamed) !== roles(to.roles, none) ||
    roles(from.roles, none) !== roles(to.roles, reversed) ||
    from.by.join(',') !== to.by.join(',') ||
    from.on !== to.on ||
    from.expires !== to.expires ||
    normalise(from.reason) !== normalise(to.reason)
  );
}

function addAcceptanceRisks(base: DiffSide, head: DiffSide, id: string, renamed: ReadonlyMap<string, string>, risks: RiskCollector): void {
  const from = base.capabilities.get(id);
  const to = head.capabilities.get(id);
  const before = from?.risk.accepted;
  const after = to?.risk.accepted;
  if (!before && after && to) return risks.add('acceptance-added', to.risk.level, id, after.roles, holders(head, after.roles, id));
  if (before && !after && from) return risks.add('acceptance-removed', from.risk.level, id, before.roles, holders(base, before.roles, id));
  if (!before || !after || !from || !to) return;
  const reversed = new Map([...renamed].map(([oldId, newId]) => [newId, oldId]));
  const widened = after.roles.filter((role) => !before.roles.some((old) => (renamed.get(old) ?? old) === role));
  const narrowed = before.roles.filter((role) => !after.roles.some((now) => (reversed.get(now) ?? now) === role));
  const level = maxLevel(from.risk.level, to.risk.level);
  if (widened.length) risks.add('acceptance-widened', to.risk.level, id, widened, holders(head, widened, id));
  if (narrowed.length) risks.add('acceptance-narrowed', from.risk.level, id, narrowed, holders(base, narrowed, id));
  const lastDay = (acceptance: RiskAcceptance): string => acceptance.expires ?? '9999-12-31';
  if (lastDay(after) > lastDay(before)) risks.add('acceptance-extended', to.risk.level, id, after.roles, holders(head, after.roles, id));
  if (lastDay(after) < lastDay(before))
    risks.add('acceptance-shortened', from.risk.level, id, before.roles, holders(base, before.roles, id));
  if (before.by.join(',') !== after.by.join(',') || before.on !== after.on || normalise(before.reason) !== normalise(after.reason)) {
    const roles = [...new Set([...before.roles, ...after.roles])];
    risks.add('acceptance-changed', level, id, roles, [...holders(base, before.roles, id), ...holders(head, after.roles, id)]);
  }
}

/** Active holders of the given roles (only those granting `capability`, when given). */
function holders(side: DiffSide, roles: readonly string[], capability?: string): string[] {
  const granting = capability === undefined ? undefined : new Set(side.rolesGranting(capability));
  return roles.filter((role) => !granting || granting.has(role)).flatMap((role) => side.roles.get(role)?.members ?? []);
}

function view(accepted: RiskAcceptance): AcceptanceView {
  return {
    by: accepted.by,
    on: accepted.on,
    roles: accepted.roles,
    ...(accepted.expires ? { expires: accepted.expires } : {}),
    reason: accepted.reason,
    at: accepted.at,
  };
}

function maxLevel(a: RiskLevel, b: RiskLevel): RiskLevel {
  return RANK[a] >= RANK[b] ? a : b;
}
