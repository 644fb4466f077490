import { findQuote } from '../jd';
import type { RolesBundle } from '../load/roles-bundle';
import { refOf } from '../model/build/justifications';
import type { SourceRef } from '../model/types';
import { compareText } from '../util/compare-text';
import { normalise } from './access-set';
import type { JdAnchor } from './diff-types';

/** A duty quote of the head that its JD no longer holds, and where the base found it, if it did. */
export interface BrokenQuote {
  readonly role: string;
  readonly quote: string;
  /** The quote in the head's role file. */
  readonly at: SourceRef;
  /** The JD it is looked up in, as the head names it. */
  readonly jd: string;
  /**
   * `jd-edited`: the base found the same quote of the same role, so an edit of the JD (or of which JD the
   * role names) broke it; `quote-not-found`: the quote is new or edited and was never found.
   */
  readonly cause: 'jd-edited' | 'quote-not-found';
  /** Where the base found it. */
  readonly was?: JdAnchor;
}

/**
 * The duty quotes of the head that are not found in their JD, each said to be broken by a JD edit when
 * the base found the same quote for the same role. Works on bundles, since a head with a broken quote
 * builds no model. Sorted by file and line.
 */
export function brokenQuotes(base: RolesBundle | undefined, head: RolesBundle): BrokenQuote[] {
  const baseRoles = new Map((base?.roles ?? []).map((located) => [located.value.id, located.value]));
  const broken: BrokenQuote[] = [];
  for (const located of head.roles) {
    const role = located.value;
    const jd = head.jds.get(role.jd);
    if (!jd) continue;
    role.duties.forEach((duty, index) => {
      if (findQuote(jd.jd, duty.quote).found) return;
      const old = baseRoles.get(role.id);
      const oldJd = old && base?.jds.get(old.jd);
      const sameQuote = old?.duties.some((candidate) => normalise(candidate.quote) === normalise(duty.quote));
      const match = sameQuote && oldJd ? findQuote(oldJd.jd, duty.quote) : undefined;
      const was = match?.found
        ? { file: oldJd?.file ?? '', line: match.item.line, section: match.section.heading, text: match.item.text }
        : undefined;
      broken.push({
        role: role.id,
        quote: duty.quote,
        at: refOf(located, ['duties', index, 'quote']),
        jd: jd.file,
        cause: was ? 'jd-edited' : 'quote-not-found',
        ...(was ? { was } : {}),
      });
    });
  }
  return broken.sort((a, b) => compareText(a.at.file, b.at.file) || a.at.line - b.at.line || compareText(a.quote, b.quote));
}
