import { findQuote } from '../../jd';
import type { Problem } from '../../load/problem';
import { isKnownId, type RolesBundle } from '../../load/roles-bundle';
import { unknownReference } from './unknown-reference';

/**
 * What the audit reads from the roles files, checked like everything else: each `noAccess` quote of a
 * role is in its JD, in a duties section, and names no duty the role already maps; each separation of
 * duties names known, distinct capabilities. Pure: returns problems.
 */
export function checkAuditReferences(bundle: RolesBundle): Problem[] {
  const problems: Problem[] = [];
  for (const role of bundle.roles) {
    const jd = bundle.jds.get(role.value.jd);
    if (!jd) continue;
    const mappedLines = new Set(
      role.value.duties.flatMap((duty) => {
        const match = findQuote(jd.jd, duty.quote);
        return match.found ? [match.item.line] : [];
      }),
    );
    role.value.noAccess.forEach((entry, index) => {
      const match = findQuote(jd.jd, entry.quote);
      if (!match.found) {
        const near = match.closest ? `closest passage, ${jd.file}:${match.closest.line}` : undefined;
        problems.push(role.source.problem([...role.path, 'noAccess', index, 'quote'], `quote not found in ${jd.file}`, near));
      } else if (mappedLines.has(match.item.line)) {
        problems.push(
          role.source.problem(
            [...role.path, 'noAccess', index, 'quote'],
            `the duty at ${jd.file}:${match.item.line} is mapped to capabilities by the role's duties`,
            'remove it from noAccess, or from duties',
            'warning',
          ),
        );
      }
    });
  }
  const capabilityIds = bundle.capabilities.map((capability) => capability.value.id);
  for (const separation of bundle.separations ?? []) {
    separation.value.capabilities.forEach((id, index) => {
      if (!isKnownId(bundle, 'capabilities', id, capabilityIds))
        problems.push(unknownReference(separation, ['capabilities', index], 'capability', id, capabilityIds));
      else if (separation.value.capabilities.indexOf(id) !== index)
        problems.push(separation.source.problem([...separation.path, 'capabilities', index], `capability "${id}" listed twice`));
    });
  }
  return problems;
}
