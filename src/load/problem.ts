import { compareText } from '../util/compare-text';
import { escapeUnsafe } from '../util/safe-text';

/** How bad a problem is: errors fail the run, warnings are printed and pass. */
export type Severity = 'error' | 'warning';

/** A problem found in a user's file, positioned so an editor can jump to it. */
export interface Problem {
  readonly severity: Severity;
  /** File as shown to the user, e.g. `roles/people.yaml`. */
  readonly file: string;
  /** 1-based line and column. */
  readonly line: number;
  readonly column: number;
  /** Lower-case sentence, no trailing period, starting with the data path where there is one. */
  readonly message: string;
  /** One concrete hint, shown in parentheses. */
  readonly hint?: string;
}

/**
 * Formats a problem as `file:line:col: message (hint)`, one line. Messages quote user text, so control
 * and bidi characters are made visible here, the one place every problem passes through.
 */
export function formatProblem(problem: Problem): string {
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  const hint = problem.hint ? ` (${problem.hint})` : '';
  const text = `${problem.file}:${problem.line}:${problem.column}: ${prefix}${problem.message}${hint}`;
  return escapeUnsafe(text.replace(/\s*\n\s*/g, ' '));
}

/** Sorts problems by file, line, column, then message, and drops exact duplicates. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return [...problems]
    .sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.message, b.message))
    .filter((problem) => {
      const key = formatProblem(problem);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

export { compareText } from '../util/compare-text';

/** True when any problem is an error. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
