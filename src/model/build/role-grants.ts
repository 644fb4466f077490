import { compareText } from '../../util/compare-text';
import type { RiskLevel } from '../../schema';
import { sortJustifications } from './justifications';
import type { Grant, GrantTarget, Justification } from '../types';

/** How the grants of a set of justifications are found: a capability's targets and its risk. */
export interface GrantSources {
  readonly targetsOf: (capabilityId: string) => readonly (readonly [string, GrantTarget])[] | undefined;
  readonly riskOf: (capabilityId: string) => RiskLevel;
}

/** The grants a set of justifications leads to, each with every justification behind it, sorted by id. */
export function grantsOf(because: readonly Justification[], sources: GrantSources): Grant[] {
  const byGrant = new Map<string, { target: GrantTarget; capabilityId: string; because: Justification[] }>();
  for (const justification of because) {
    for (const [key, target] of sources.targetsOf(justification.capabilityId) ?? []) {
      const id = `${justification.capabilityId}/${key}`;
      const entry = byGrant.get(id);
      if (entry) entry.because.push(justification);
      else byGrant.set(id, { target, capabilityId: justification.capabilityId, because: [justification] });
    }
  }
  return [...byGrant.entries()]
    .map(([id, entry]) => ({
      id,
      capabilityId: entry.capabilityId,
      target: entry.target,
      risk: sources.riskOf(entry.capabilityId),
      because: sortJustifications(entry.because),
    }))
    .sort((a, b) => compareText(a.id, b.id));
}

/** The union of several roles' grants: one grant per id, with the justifications of every role behind it. */
export function mergeGrants(lists: readonly (readonly Grant[])[]): Grant[] {
  if (lists.length === 1) return [...(lists[0] ?? [])];
  const byId = new Map<string, { grant: Grant; because: Justification[] }>();
  for (const grants of lists) {
    for (const grant of grants) {
      const entry = byId.get(grant.id);
      if (entry) entry.because.push(...grant.because);
      else byId.set(grant.id, { grant, because: [...grant.because] });
    }
  }
  return [...byId.values()]
    .map(({ grant, because }) => ({ ...grant, because: sortJustifications(because) }))
    .sort((a, b) => compareText(a.id, b.id));
}
