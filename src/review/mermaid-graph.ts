import type { RiskLevel } from '../schema';
import { compareText } from '../util/compare-text';
import type { AccessDiff } from './diff-types';
import { mermaidText } from './markdown-text';

type EdgeKind = 'added' | 'removed' | 'changed';

const ARROWS: Readonly<Record<EdgeKind, string>> = { added: '-->|added|', removed: '-.->|removed|', changed: '==>|changed|' };
const RANK: Readonly<Record<RiskLevel, number>> = { low: 0, medium: 1, high: 2 };

/**
 * A Mermaid flowchart of the role → capability edges the change touches: capabilities a role gained
 * (solid) or lost (dotted), and roles granting a capability whose grants, risk or acceptance changed
 * (thick). Node ids are positions (`r0`, `c0`), never user text; labels are escaped. At most `limit`
 * edges; `cut` says how many more there were.
 */
export function mermaidGraph(diff: AccessDiff, limit = 60): { readonly text: string; readonly cut: number } | undefined {
  const edges = new Map<string, { role: string; capability: string; kind: EdgeKind }>();
  const add = (role: string, capability: string, kind: EdgeKind): void => {
    const key = `${role}\u0000${capability}`;
    if (!edges.has(key)) edges.set(key, { role, capability, kind });
  };
  for (const role of diff.roles) {
    role.capabilities.added.forEach((capability) => add(role.id, capability, 'added'));
    role.capabilities.removed.forEach((capability) => add(role.id, capability, 'removed'));
  }
  // A renamed role is drawn once, under its new id.
  const renamed = new Map(diff.roles.flatMap((role) => (role.from !== undefined ? [[role.from, role.id] as const] : [])));
  for (const capability of diff.capabilities) capability.roles.forEach((role) => add(renamed.get(role) ?? role, capability.id, 'changed'));
  if (edges.size === 0) return undefined;

  const sorted = [...edges.values()].sort((a, b) => compareText(a.role, b.role) || compareText(a.capability, b.capability));
  const shown = sorted.slice(0, limit);
  const roleIds = [...new Set(shown.map((edge) => edge.role))];
  const capabilityIds = [...new Set(shown.map((edge) => edge.capability))].sort(compareText);
  const roleNode = new Map(roleIds.map((id, index) => [id, `r${index}`]));
  const capabilityNode = new Map(capabilityIds.map((id, index) => [id, `c${index}`]));
  const roleInfo = new Map(diff.roles.map((role) => [role.id, role]));
  const level = riskLevels(diff);

  const lines = ['```mermaid', 'flowchart LR'];
  for (const id of roleIds) {
    const role = roleInfo.get(id);
    const note = role?.change === 'renamed' ? ` (renamed from ${role.from ?? ''})` : role?.change === 'added' || role?.change === 'removed' ? ` (${role.change})` : '';
    lines.push(`  ${roleNode.get(id)}["role ${mermaidText(id + note)}"]`);
  }
  for (const id of capabilityIds) {
    const risk = level.get(id);
    lines.push(`  ${capabilityNode.get(id)}["${mermaidText(id)}${risk ? ` #40;${risk}#41;` : ''}"]`);
  }
  for (const edge of shown) lines.push(`  ${roleNode.get(edge.role)} ${ARROWS[edge.kind]} ${capabilityNode.get(edge.capability)}`);
  const high = capabilityIds.filter((id) => level.get(id) === 'high').map((id) => capabilityNode.get(id));
  if (high.length) lines.push('  classDef high stroke:#cf222e,stroke-width:3px', `  class ${high.join(',')} high`);
  lines.push('```');
  return { text: `${lines.join('\n')}\n`, cut: sorted.length - shown.length };
}

/** The highest risk level the diff shows for each capability. */
function riskLevels(diff: AccessDiff): Map<string, RiskLevel> {
  const levels = new Map<string, RiskLevel>();
  const raise = (id: string, level: RiskLevel | undefined): void => {
    const seen = levels.get(id);
    if (level && (!seen || RANK[level] > RANK[seen])) levels.set(id, level);
  };
  for (const item of diff.risks) if (item.capability !== undefined) raise(item.capability, item.level);
  for (const capability of diff.capabilities) raise(capability.id, capability.risk?.to ?? capability.risk?.from);
  return levels;
}
