import { findQuote } from '../../jd';
import type { JdItem } from '../../jd/types';
import type { Located, RolesBundle } from '../../load/roles-bundle';
import type { RoleFile } from '../../schema';

/** A duty of a role's JD and how the role file covers it. */
export interface JdDuty {
  readonly item: JdItem;
  readonly section: string;
  /** Capability ids the role maps to it through duty quotes found in it. */
  readonly capabilities: readonly string[];
  /** The `noAccess` reason, when the role says the duty needs no access. */
  readonly noAccess?: string;
}

/** The duties (items of duties sections) of a role's JD, with what the role maps to each; empty without a JD. */
export function roleDuties(bundle: RolesBundle, role: Located<RoleFile>): { jdFile: string; duties: JdDuty[] } | undefined {
  const jd = bundle.jds.get(role.value.jd);
  if (!jd) return undefined;
  const mapped = new Map<number, Set<string>>();
  for (const duty of role.value.duties) {
    const match = findQuote(jd.jd, duty.quote);
    if (!match.found) continue;
    const set = mapped.get(match.item.line) ?? new Set<string>();
    for (const id of duty.capabilities) set.add(id);
    mapped.set(match.item.line, set);
  }
  const none = new Map<number, string>();
  for (const entry of role.value.noAccess) {
    const match = findQuote(jd.jd, entry.quote);
    if (match.found) none.set(match.item.line, entry.reason);
  }
  const duties = jd.jd.sections
    .filter((section) => section.kind === 'duties')
    .flatMap((section) =>
      section.items.map((item): JdDuty => {
        const reason = none.get(item.line);
        return {
          item,
          section: section.heading,
          capabilities: [...(mapped.get(item.line) ?? [])].sort(),
          ...(reason !== undefined ? { noAccess: reason } : {}),
        };
      }),
    );
  return { jdFile: jd.file, duties };
}

/** Text shortened for evidence lines. */
export function clip(text: string, max = 140): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
