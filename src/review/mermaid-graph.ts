import type { RiskLevel } from '../schema';
import { compareText } from '../util/compare-text';
import type { AccessDiff, CapabilityChange } from './diff-types';
import { mermaidText } from './markdown-text';
import { capabilityRiskLevels } from './summarise';

type EdgeKind = 'added' | 'removed' | 'changed';

const ARROWS: Readonly<Record<EdgeKind, string>> = { added: '-->', removed: '-.->', changed: '==>' };
const RANK: Readonly<Record<RiskLevel, number>> = { low: 0, medium: 1, high: 2 };

/** Edges a reader can still follow in a pull request's comment column; more are left to the tables. */
export const GRAPH_EDGE_LIMIT = 15;

interface Edge {
  readonly role: string;
  readonly capability: string;
  readonly kind: EdgeKind;
  /** What changed, in a few words: the edge's label. */
  readonly label: string;
}

/**
 * A Mermaid flowchart of the role → capability edges the change touches, each labelled with what
 * changed: a role that now grants a capability (solid) or no longer does (dotted), and a capability
 * whose grants, risk or acceptance changed, on the edges from the roles granting it (thick). Node ids
 * are positions (`r0`, `c0`), never user text; labels are escaped. Undefined when nothing changed or
 * when there are more than `limit` edges: a graph of more is not read, the tables say the same.
 */
export function mermaidGraph(diff: AccessDiff, limit = GRAPH_EDGE_LIMIT): string | undefined {
  const edges = new Map<string, Edge>();
  const add = (edge: Edge): void => {
    const key = `${edge.role}\u0000${edge.capability}`;
    if (!edges.has(key)) edges.set(key, edge);
  };
  for (const role of diff.roles) {
    role.capabilities.added.forEach((capability) => add({ role: role.id, capability, kind: 'added', label: 'now grants' }));
    role.capabilities.removed.forEach((capability) => add({ role: role.id, capability, kind: 'removed', label: 'no longer grants' }));
  }
  // A renamed role is drawn once, under its new id.
  const renamed = new Map(diff.roles.flatMap((role) => (role.from !== undefined ? [[role.from, role.id] as const] : [])));
  for (const capability of diff.capabilities) {
    const label = capabilityLabel(capability);
    capability.roles.forEach((role) => add({ role: renamed.get(role) ?? role, capability: capability.id, kind: 'changed', label }));
  }
  if (edges.size === 0 || edges.size > limit) return undefined;

  const sorted = [...edges.values()].sort((a, b) => compareText(a.role, b.role) || compareText(a.capability, b.capability));
  const roleIds = [...new Set(sorted.map((edge) => edge.role))];
  const capabilityIds = [...new Set(sorted.map((edge) => edge.capability))].sort(compareText);
  const roleNode = new Map(roleIds.map((id, index) => [id, `r${index}`]));
  const capabilityNode = new Map(capabilityIds.map((id, index) => [id, `c${index}`]));
  const roleInfo = new Map(diff.roles.map((role) => [role.id, role]));
  const level = capabilityRiskLevels(diff);

  const lines = ['```mermaid', 'flowchart LR'];
  for (const id of roleIds) {
    const role = roleInfo.get(id);
    const note =
      role?.change === 'renamed'
        ? ` (renamed from ${role.from ?? ''})`
        : role?.change === 'added' || role?.change === 'removed'
          ? ` (${role.change})`
          : '';
    lines.push(`  ${roleNode.get(id)}["role ${mermaidText(id + note)}"]`);
  }
  for (const id of capabilityIds) {
    const risk = level.get(id);
    lines.push(`  ${capabilityNode.get(id)}["${mermaidText(id)}${risk ? ` #40;${risk}#41;` : ''}"]`);
  }
  for (const edge of sorted)
    lines.push(`  ${roleNode.get(edge.role)} ${ARROWS[edge.kind]}|"${mermaidText(edge.label)}"| ${capabilityNode.get(edge.capability)}`);
  const high = capabilityIds.filter((id) => level.get(id) === 'high').map((id) => capabilityNode.get(id));
  if (high.length) lines.push('  classDef high stroke:#cf222e,stroke-width:3px', `  class ${high.join(',')} high`);
  lines.push('```');
  return `${lines.join('\n')}\n`;
}

/** `risk raised, acceptance changed`: what changed about a capability, for its edges. */
function capabilityLabel(capability: CapabilityChange): string {
  if (capability.change !== 'changed') return `capability ${capability.change}`;
  const parts: string[] = [];
  const { risk, acceptance } = capability;
  if (risk?.from && risk.to) parts.push(RANK[risk.to] > RANK[risk.from] ? 'risk raised' : 'risk lowered');
  if (acceptance) parts.push(!acceptance.from ? 'acceptance added' : !acceptance.to ? 'acceptance removed' : 'acceptance changed');
  const { aws, github, oncall } = capability;
  const grants =
    aws.gained.length +
    aws.lost.length +
    aws.policiesGained.length +
    aws.policiesLost.length +
    github.repositories.length +
    github.teams.length +
    oncall.joined.length +
    oncall.left.length;
  if (grants) parts.push('grants changed');
  return parts.join(', ') || 'changed';
}
