import { findQuote } from '../../jd';
import type { Located, RolesBundle } from '../../load/roles-bundle';
import { compareText } from '../../util/compare-text';
import type { RoleFile } from '../../schema';
import type { Justification, SourceRef } from '../types';

/** Every (capability, reason) a role confers, from its duties and its baseline. */
export function justificationsOf(located: Located<RoleFile>, bundle: RolesBundle): Justification[] {
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

/** Groups justifications by capability id, both sorted. */
export function groupJustifications(items: readonly Justification[]): { id: string; because: Justification[] }[] {
  const byCapability = new Map<string, Justification[]>();
  for (const item of items) {
    const list = byCapability.get(item.capabilityId);
    if (list) list.push(item);
    else byCapability.set(item.capabilityId, [item]);
  }
  return [...byCapability.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([id, because]) => ({ id, because: sortJustifications(because) }));
}

/** Justifications in a stable order: role, capability, then where the reason is written. */
export function sortJustifications(items: readonly Justification[]): Justification[] {
  return [...items].sort(
    (a, b) =>
      compareText(a.roleId, b.roleId) ||
      compareText(a.capabilityId, b.capabilityId) ||
      compareText(a.reason.at.file, b.reason.at.file) ||
      a.reason.at.line - b.reason.at.line,
  );
}

/** `file:line` of `path` inside a located entry. */
export function refOf(located: Located<unknown>, path: readonly (string | number)[]): SourceRef {
  return { file: located.source.file, line: located.source.locate([...located.path, ...path]).line };
}
