import { CommentBudget, GITHUB_COMMENT_LIMIT } from '../markdown-budget';
import { mdCode, mdText } from '../markdown-text';
import type { AccessChange, PlanAction, PlanArea, PlanSummary } from './plan-changes';

/** Marks the comment, so a workflow updates its own comment instead of adding one per push. */
export const PLAN_MARKER = '<!-- rolecall-plan-summary -->';

const AREAS: Readonly<Record<PlanArea, string>> = {
  'aws-iam': 'AWS IAM',
  'identity-center': 'AWS IAM Identity Center',
  github: 'GitHub',
  oncall: 'On-call',
};
const VERBS: Readonly<Record<PlanAction, string>> = { create: 'create', update: 'change', replace: 'replace', delete: 'destroy' };
/** Detail lines shown per resource before "and N more". */
const DETAIL_LINES = 12;

/**
 * The plan summary as a pull-request comment: counts, then one table per area with destroys first, each
 * row the resource, its name and what changes in it. Every value from the plan is escaped (it holds
 * names written in the roles directory); the comment stays under GitHub's limit and says what was cut.
 */
export function renderPlanMarkdown(summary: PlanSummary, limit = GITHUB_COMMENT_LIMIT): string {
  const budget = new CommentBudget(limit);
  budget.add(`${PLAN_MARKER}\n## rolecall plan summary\n\n`);
  const files = summary.files.map(
    (file) => `${mdCode(file.file)}${file.terraformVersion ? ` (Terraform ${mdText(file.terraformVersion, 40)})` : ''}`,
  );
  budget.add(`What Terraform will do to access, from ${files.join(', ') || 'no plan'}.\n\n`);
  const count = (action: PlanAction): number => summary.changes.filter((change) => change.action === action).length;
  budget.add(
    `- **Access resources:** ${count('create')} to create, ${count('update')} to change, ${count('replace')} to replace, ${count('delete')} to destroy\n`,
  );
  const otherTypes = [...new Set(summary.other.map((entry) => entry.type))].sort();
  budget.add(
    `- **Other resources:** ${summary.other.length}${
      otherTypes.length
        ? ` (${otherTypes
            .slice(0, 8)
            .map((type) => mdCode(type))
            .join(', ')}${otherTypes.length > 8 ? ` and ${otherTypes.length - 8} more types` : ''})`
        : ''
    }\n\n`,
  );
  if (summary.changes.length === 0) {
    budget.add('No access changes: Terraform will create, change or destroy no user, group, membership, policy, team or schedule.\n');
    return budget.text('');
  }
  const several = summary.files.length > 1;
  for (const area of Object.keys(AREAS) as PlanArea[]) {
    const rows = summary.changes.filter((change) => change.area === area).map((change) => row(change, several));
    budget.section(
      `### ${AREAS[area]}\n\n| action | resource | name | what changes |\n| --- | --- | --- | --- |\n`,
      rows,
      `${AREAS[area]} rows`,
    );
  }
  return budget.text('see the job summary (`rolecall plan-summary --format json` has everything).');
}

function row(change: AccessChange, several: boolean): string {
  const verb = change.action === 'create' ? VERBS.create : `**${VERBS[change.action]}**`;
  const shown = change.details
    .slice(0, DETAIL_LINES)
    .map((line) => (/^[+-] /.test(line) ? `${line.slice(0, 1)} ${mdText(line.slice(2), 300)}` : mdText(line, 300)));
  if (change.details.length > DETAIL_LINES) shown.push(`and ${change.details.length - DETAIL_LINES} more`);
  const where = several ? `${mdCode(change.address)}<br>in ${mdCode(change.file)}` : mdCode(change.address);
  return `| ${verb} | ${where}<br>${mdText(change.kind)} | ${mdCode(change.subject)} | ${shown.join('<br>') || '-'} |\n`;
}

/** The plan summary for bots: everything, keys in a stable order. */
export function renderPlanJson(summary: PlanSummary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}
