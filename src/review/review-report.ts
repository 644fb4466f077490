import type { Problem } from '../load/problem';
import type { AccessDiff } from './diff-types';
import type { BrokenQuote } from './broken-quotes';
import type { Gate } from './fail-on';

/** Which tree a side was read from: a git revision (with the commit it resolved to) or the working tree. */
export interface SideLabel {
  /** The revision as given (`origin/main`, `HEAD~1`), or `working tree`. */
  readonly ref: string;
  readonly commit?: string;
}

/** A diff with what it was taken between, and the `--fail-on` outcome when one was asked for. */
export interface ReviewReport {
  readonly base: SideLabel;
  readonly head: SideLabel;
  readonly diff: AccessDiff;
  readonly gate?: Gate;
}

/** Why there is no diff: the problems of each side that did not load, and the quotes a change broke. */
export interface InvalidReview {
  readonly base: SideLabel;
  readonly head: SideLabel;
  readonly asOf: string;
  readonly problems: { readonly base: readonly Problem[]; readonly head: readonly Problem[] };
  readonly brokenQuotes: readonly BrokenQuote[];
}
