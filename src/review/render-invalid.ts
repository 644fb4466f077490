import { formatProblem, type Problem } from '../load/problem';
import { CommentBudget, GITHUB_COMMENT_LIMIT } from './markdown-budget';
import { mdCode, mdText } from './markdown-text';
import { COMMENT_MARKER, sides } from './render-markdown';
import type { InvalidReview } from './review-report';

/**
 * Why there is no diff, as a pull-request comment: the quotes the change broke (each with where the
 * base found it), then every problem of each side as `file:line:col: message (hint)`.
 */
export function renderInvalidMarkdown(invalid: InvalidReview, limit: number = GITHUB_COMMENT_LIMIT): string {
  const budget = new CommentBudget(limit);
  const count = (problems: readonly Problem[]): number => problems.filter((problem) => problem.severity === 'error').length;
  const failing = [
    count(invalid.problems.base) ? `the base has ${count(invalid.problems.base)} errors` : '',
    count(invalid.problems.head) ? `the head has ${count(invalid.problems.head)} errors` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  budget.add(
    `${COMMENT_MARKER}\n## rolecall access diff: no diff\n\n${sides(invalid.base, invalid.head)}, as of ${invalid.asOf}: ${failing}, so no access model could be built. \`rolecall validate\` shows the same problems.\n\n`,
  );
  budget.section(
    '### Duty quotes no longer found in their JD\n\n| quote | written at | looked up in | base found it at |\n| --- | --- | --- | --- |\n',
    invalid.brokenQuotes.map(
      (broken) =>
        `| ${mdText(broken.quote, 160)} | ${mdCode(`${broken.at.file}:${broken.at.line}`)} | ${mdCode(broken.jd)} | ${
          broken.was
            ? `${mdCode(`${broken.was.file}:${broken.was.line}`)}: ${mdText(broken.was.text, 120)} (the JD edit broke it)`
            : 'not found there either'
        } |\n`,
    ),
    'broken quotes',
  );
  for (const side of ['base', 'head'] as const) {
    const errors = invalid.problems[side].filter((problem) => problem.severity === 'error');
    budget.section(
      `### Errors in the ${side}\n\n`,
      errors.map((problem) => `- ${mdText(formatProblem(problem), 400)}\n`),
      `${side} errors`,
    );
  }
  return budget.text('`rolecall validate` lists every one.', ['problem', 'problems']);
}
