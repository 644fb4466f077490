import type { BrokenQuote } from '../review/broken-quotes';
import type { RolesBundle } from '../load/roles-bundle';
import type { AccessModel, SourceRef } from '../model/types';
import type { AuditConfig } from '../schema';
import type { ActualAccess } from './actual';

/** How much a finding matters; `info` is listed and never fails a run. */
export type FindingSeverity = 'info' | 'low' | 'medium' | 'high';

/** Severities from least to most, for `--fail-on` and sorting. */
export const SEVERITY_ORDER: readonly FindingSeverity[] = ['info', 'low', 'medium', 'high'];

/** The four things an audit looks at, and its own health. */
export type FindingCategory = 'coverage' | 'risk' | 'drift' | 'unused' | 'audit';

/** What a rule reports: the detail that makes its id unique, and what was found. */
export interface RuleFinding {
  /** Unique within the rule and stable between runs: ids, never positions (`backend-engineer:roles/jd/x.md:12` is fine, a list index is not). */
  readonly detail: string;
  readonly severity: FindingSeverity;
  /** Who or what it is about: a person id, a role id, `aws:<account>:user/<name>`, `github:team/<slug>`. */
  readonly subject: string;
  /** One sentence. */
  readonly message: string;
  /** Where it shows, each line `file:line: what is there` or a plain fact. */
  readonly evidence: readonly string[];
}

/** A finding of a run: `<rule>[<detail>]`, what it says, and the suppression that covers it, if any. */
export interface Finding extends RuleFinding {
  /** `<rule id>[<detail>]`, the id a suppression names. */
  readonly id: string;
  readonly rule: string;
  readonly category: FindingCategory;
  readonly suppressed?: { readonly reason: string; readonly at: SourceRef; readonly expires?: string };
}

/** Everything a rule may read. Pure data: rules read no files and no clock. */
export interface AuditContext {
  readonly model: AccessModel;
  readonly bundle: RolesBundle;
  readonly config: AuditConfig;
  readonly actual: ActualAccess;
  /** Duty quotes their JD no longer holds: the model was built without trusting them. */
  readonly brokenQuotes: readonly BrokenQuote[];
}

/**
 * One audit rule, one file: its id (`Pack-Name`, as cdk-nag writes them), what it checks, and the check.
 * `needs` names the sources without which the rule has nothing to say (it is then listed as not run).
 */
export interface AuditRule {
  readonly id: string;
  readonly category: FindingCategory;
  /** One line: what a finding of this rule means. */
  readonly description: string;
  readonly needs?: 'iam' | 'github' | 'identity-center' | 'last-accessed' | 'aws-or-github';
  check(context: AuditContext): readonly RuleFinding[];
}
