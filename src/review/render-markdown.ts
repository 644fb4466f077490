import type { RiskLevel } from '../schema';
import type { RiskItem } from './diff-types';
import { isCallout, type Gate } from './fail-on';
import { CommentBudget, GITHUB_COMMENT_LIMIT } from './markdown-budget';
import { groupPeople, personBlock } from './markdown-people';
import {
  acceptedWords,
  capabilityTable,
  justificationTables,
  riskTable,
  riskWords,
  roleTable,
  rotationTable,
  type Table,
} from './markdown-sections';
import { mdCode, mdCodeList } from './markdown-text';
import { mermaidGraph } from './mermaid-graph';
import type { ReviewReport, SideLabel } from './review-report';
import { capabilityRiskLevels, summarise } from './summarise';

/** The first line of every diff comment, so a workflow can find and update its own comment. */
export const COMMENT_MARKER = '<!-- rolecall-diff -->';

/** Where a reader finds what a comment had to leave out. */
const ELSEWHERE = 'see the job summary or the JSON artifact (`rolecall diff --format json` has everything).';

/**
 * The diff as a pull-request comment, in the order a reviewer decides: the gate's verdict and why,
 * what needs a decision (new high-risk access, new owners, changed acceptances), the counts and a
 * compact table of changes by risk, a graph of the role → capability edges when it is small enough to
 * read, tables of roles, capabilities, rotations and justifications, then one collapsed section per
 * person (or group of people with the same changes). Written in that order within `limit` characters
 * (GitHub's comment limit by default), ending with how many changes were cut and where they are.
 * Acceptances are shown where the gate reads them: at its level and above (high when none was asked).
 */
export function renderMarkdown(report: ReviewReport, limit: number = GITHUB_COMMENT_LIMIT): string {
  const { diff, gate } = report;
  const summary = summarise(diff);
  const budget = new CommentBudget(limit);
  const level: RiskLevel = gate?.failOn ?? 'high';
  budget.add(`${COMMENT_MARKER}\n## rolecall access diff\n\n`);
  if (summary.empty) {
    budget.add(
      `**No change in access.** Nobody gains or loses access, and no risk or justification changed.${gate ? ` Gate \`--fail-on ${gate.failOn}\`: passed.` : ''}\n\n`,
    );
    budget.add(`${sides(report.base, report.head)}, both as of ${diff.asOf}.\n`);
    return budget.text(ELSEWHERE);
  }
  if (gate) budget.add(`${verdict(gate)}\n\n`);
  budget.add(`${sides(report.base, report.head)}, both as of ${diff.asOf}.\n\n`);

  const callouts = diff.risks.filter(isCallout);
  if (callouts.length === 0)
    budget.add(
      'Nothing here needs a decision: no new high-risk access, no new organisation owner, no change to a written risk acceptance.\n\n',
    );
  budget.section(
    `> [!${gate?.failed ? 'CAUTION' : 'IMPORTANT'}]\n> **Needs a decision:** new high-risk access, new owners, changes to written risk acceptances.\n>\n`,
    callouts.map((item) => calloutLine(item, level)),
    'call-outs',
  );

  const { people, roles } = summary;
  const lines = [
    `- **People:** ${people.gainingAccess} ${people.gainingAccess === 1 ? 'gains' : 'gain'} access, ${people.losingAccess} ${people.losingAccess === 1 ? 'loses' : 'lose'} access (${people.added} added, ${people.removed} removed, ${people.starting} starting, ${people.ending} ending)`,
    `- **Definitions:** roles ${roles.added} added, ${roles.removed} removed, ${roles.renamed} renamed, ${roles.changed} changed; ${plural(summary.capabilities, 'capability', 'capabilities')} and ${plural(summary.rotations, 'rotation')} changed`,
    `- **Risk:** ${summary.risks.high} high, ${summary.risks.medium} medium, ${summary.risks.low} low; **justification:** ${plural(summary.justifications, 'change')}`,
    ...diff.settings.map(
      (setting) =>
        `- **Setting** ${mdCode(setting.name)}: ${mdCode(setting.from ?? 'unset')} → ${mdCode(setting.to ?? 'unset')} (changes everyone's access)`,
    ),
  ];
  budget.add(`### What changed\n\n${lines.join('\n')}\n\n`);
  addTable(budget, '', riskTable(diff.risks, level), 'risk rows');

  const graph = mermaidGraph(diff);
  if (graph && !budget.add(`### Role → capability changes\n\n${graph}\n`)) budget.skipped(1, 'graph');
  addTable(budget, '### Roles\n\n', roleTable(diff.roles), 'role rows');
  addTable(budget, '### Capabilities\n\n', capabilityTable(diff.capabilities), 'capability rows');
  addTable(budget, '### Rotations\n\n', rotationTable(diff.rotations), 'rotation rows');
  const [duties, anchors, rejustified] = justificationTables(diff.justifications);
  if (duties) addTable(budget, '### Duty quotes\n\n', duties, 'duty rows');
  if (anchors) addTable(budget, '### Quotes anchored elsewhere in their JD\n\n', anchors, 'JD anchor rows');
  if (rejustified) addTable(budget, '### Access held for other reasons\n\n', rejustified, 'justification rows');
  const groups = groupPeople(diff.people);
  const levels = capabilityRiskLevels(diff);
  budget.section(
    `### People (${diff.people.length})\n\n`,
    groups.map((group) => personBlock(group, diff.asOf, levels)),
    'groups of people with the same changes',
  );
  return budget.text(ELSEWHERE);
}

/** The gate's verdict, first, with why. */
function verdict(gate: Gate): string {
  if (!gate.failed)
    return `**Gate \`--fail-on ${gate.failOn}\`: passed.** Nothing adds access at ${gate.failOn} risk or above without a written acceptance.`;
  const count = gate.unaccepted.length;
  const what = gate.unaccepted
    .slice(0, 5)
    .map(
      (item) =>
        `${riskWords(item)}${item.capability ? ` ${mdCode(item.capability)}` : ''}${item.people.length ? ` (${mdCodeList(item.people, 3)})` : ''}`,
    )
    .join('; ');
  return `**Gate \`--fail-on ${gate.failOn}\`: failed.** ${plural(count, 'change')} add${count === 1 ? 's' : ''} access at ${gate.failOn} risk or above without a written acceptance: ${what}${count > 5 ? ` and ${count - 5} more` : ''}.`;
}

function calloutLine(item: RiskItem, level: RiskLevel): string {
  const accepted = acceptedWords(item, level);
  return (
    `> - **${item.level}** ${riskWords(item)}${item.capability ? ` ${mdCode(item.capability)}` : ''}${item.roles.length ? ` through ${mdCodeList(item.roles, 5)}` : ''}: ` +
    `${plural(item.people.length, 'person', 'people')}${item.people.length ? ` (${mdCodeList(item.people, 5)})` : ''}${accepted ? `, ${accepted}` : ''}\n`
  );
}

function addTable(budget: CommentBudget, heading: string, table: Table, what: string): void {
  budget.section(`${heading}${table.head}`, table.rows, what);
}

/** `Base \`main\` (abc1234) → head the working tree`. */
export function sides(base: SideLabel, head: SideLabel): string {
  const side = (label: SideLabel): string =>
    label.commit
      ? `${mdCode(label.ref)} (${mdCode(label.commit.slice(0, 12))})`
      : label.ref === 'working tree'
        ? 'the working tree'
        : mdCode(label.ref);
  return `Base ${side(base)} → head ${side(head)}`;
}

/** `1 change`, `2 changes`. */
function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
