import { isCallout } from './fail-on';
import { CommentBudget, GITHUB_COMMENT_LIMIT } from './markdown-budget';
import { groupPeople, personBlock } from './markdown-people';
import { acceptedWords, capabilityTable, justificationTables, riskTable, riskWords, roleTable, rotationTable, type Table } from './markdown-sections';
import { mdCode, mdCodeList } from './markdown-text';
import { mermaidGraph } from './mermaid-graph';
import type { ReviewReport, SideLabel } from './review-report';
import { summarise } from './summarise';

/** The first line of every diff comment, so a workflow can find and update its own comment. */
export const COMMENT_MARKER = '<!-- rolecall-diff -->';

/**
 * The diff as a pull-request comment: a one-screen summary (counts, call-outs, the riskiest changes),
 * a Mermaid graph of the role → capability edges that changed, tables of roles, capabilities,
 * rotations and justifications, then one collapsed section per person (or per group of people with the
 * same changes). Written in that order of
 * importance within `limit` characters (GitHub's comment limit by default), ending with what was cut.
 */
export function renderMarkdown(report: ReviewReport, limit: number = GITHUB_COMMENT_LIMIT): string {
  const { diff, gate } = report;
  const summary = summarise(diff);
  const budget = new CommentBudget(limit);
  budget.add(`${COMMENT_MARKER}\n## rolecall access diff\n\n${sides(report.base, report.head)}, both as of ${diff.asOf}.\n\n`);

  if (summary.empty) {
    budget.add('**No access change.** Nobody gains or loses access, and no risk or justification changed.\n');
    return budget.text('');
  }
  const { people, roles } = summary;
  const lines = [
    `- **People:** ${people.gainingAccess} gain access, ${people.losingAccess} lose access (${people.added} added, ${people.removed} removed, ${people.starting} starting, ${people.ending} ending)`,
    `- **Definitions:** roles ${roles.added} added, ${roles.removed} removed, ${roles.renamed} renamed, ${roles.changed} changed; ${plural(summary.capabilities, 'capability', 'capabilities')} and ${plural(summary.rotations, 'rotation')} changed`,
    `- **Risk:** ${summary.risks.high} high, ${summary.risks.medium} medium, ${summary.risks.low} low`,
    `- **Justification:** ${plural(summary.justifications, 'change')}`,
    ...diff.settings.map((setting) => `- **Setting** ${mdCode(setting.name)}: ${mdCode(setting.from ?? 'unset')} → ${mdCode(setting.to ?? 'unset')} (changes everyone's access)`),
  ];
  if (gate) {
    lines.push(
      gate.failed
        ? `- **Gate \`--fail-on ${gate.failOn}\`: failed.** ${plural(gate.unaccepted.length, 'change')} add${gate.unaccepted.length === 1 ? 's' : ''} access at ${gate.failOn} risk or above without a written acceptance.`
        : `- **Gate \`--fail-on ${gate.failOn}\`: passed.**`,
    );
  }
  budget.add(`${lines.join('\n')}\n\n`);

  const callouts = diff.risks.filter(isCallout);
  budget.section(
    '> [!CAUTION]\n> **Read these first:** new high-risk access, new owners, and changes to written risk acceptances.\n>\n',
    callouts.map(
      (item) =>
        `> - **${item.level}** ${riskWords(item)}${item.capability ? ` ${mdCode(item.capability)}` : ''}${item.roles.length ? ` through ${mdCodeList(item.roles, 5)}` : ''}: ` +
        `${plural(item.people.length, 'person', 'people')}${item.people.length ? ` (${mdCodeList(item.people, 5)})` : ''}${item.accepted === undefined ? '' : `, ${acceptedWords(item)}`}\n`,
    ),
    'call-outs',
  );
  addTable(budget, '### Changes by risk, highest first', riskTable(diff.risks), 'risk rows');

  const graph = mermaidGraph(diff);
  if (graph) {
    const note = graph.cut ? `\n_${graph.cut} more edges not drawn._\n` : '';
    if (!budget.add(`### Role → capability changes\n\n${graph.text}${note}\n`)) budget.skipped(1, 'graph');
  }
  addTable(budget, '### Roles', roleTable(diff.roles), 'role rows');
  addTable(budget, '### Capabilities', capabilityTable(diff.capabilities), 'capability rows');
  addTable(budget, '### Rotations', rotationTable(diff.rotations), 'rotation rows');
  const [duties, anchors, rejustified] = justificationTables(diff.justifications);
  if (duties) addTable(budget, '### Duty quotes', duties, 'duty rows');
  if (anchors) addTable(budget, '### Quotes anchored elsewhere in their JD', anchors, 'JD anchor rows');
  if (rejustified) addTable(budget, '### Access held for other reasons', rejustified, 'justification rows');
  const groups = groupPeople(diff.people);
  budget.section(`### People (${diff.people.length})\n\n`, groups.map((group) => personBlock(group, diff.asOf)), 'groups of people with the same changes');
  return budget.text('`rolecall diff --format json` has everything.');
}

function addTable(budget: CommentBudget, heading: string, table: Table, what: string): void {
  budget.section(`${heading}\n\n${table.head}`, table.rows, what);
}

/** `Base \`main\` (abc1234) → head the working tree`. */
export function sides(base: SideLabel, head: SideLabel): string {
  const side = (label: SideLabel): string => (label.commit ? `${mdCode(label.ref)} (${mdCode(label.commit.slice(0, 12))})` : label.ref === 'working tree' ? 'the working tree' : mdCode(label.ref));
  return `Base ${side(base)} → head ${side(head)}`;
}

/** `1 change`, `2 changes`. */
function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
