import type { Located } from '../../load/roles-bundle';
import type { AcceptanceFile, CapabilityFile } from '../../schema';
import { compareText } from '../../util/compare-text';
import type { RiskAcceptance, SourceRef } from '../types';

/** A capability's written acceptance (`risk.accepted`), or undefined when its risk is a bare level. */
export function acceptanceFileOf(capability: CapabilityFile): AcceptanceFile | undefined {
  return typeof capability.risk === 'string' ? undefined : capability.risk.accepted;
}

/** Where a capability's `accepted:` key is written: the place problems about the acceptance cite. */
export function acceptanceRef(located: Located<CapabilityFile>): SourceRef {
  return { file: located.source.file, line: located.source.locateKey([...located.path, 'risk', 'accepted']).line };
}

/** The acceptance as the model carries it: approvers and roles sorted, and where it is written. */
export function acceptanceOf(located: Located<CapabilityFile>): RiskAcceptance | undefined {
  const accepted = acceptanceFileOf(located.value);
  if (!accepted) return undefined;
  return {
    by: [...new Set(accepted.by)].sort(compareText),
    on: accepted.on,
    roles: [...new Set(accepted.roles)].sort(compareText),
    ...(accepted.expires ? { expires: accepted.expires } : {}),
    reason: accepted.reason,
    at: acceptanceRef(located),
  };
}
