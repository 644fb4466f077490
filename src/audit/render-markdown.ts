import { mdCode, mdText as escapedText } from '../review/markdown-text';
import { SEVERITY_ORDER, type Finding, type FindingSeverity } from './finding';
import type { AuditResult } from './run-audit';

/**
 * Text from the roles and the exports, escaped as for a pull-request comment, with the punctuation that
 * cannot start markup on its own (colons, parentheses, quotes) given back, so the filed report reads.
 */
function mdText(text: string, max = 200): string {
  return escapedText(text, max).replace(/&#(58|40|41|39|34);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

const SOURCE_NAMES: Record<string, string> = {
  state: 'Terraform state',
  'aws-authorization-details': 'IAM authorization details',
  'identity-center': 'Identity Center export',
  'github-export': 'GitHub export',
  'last-accessed': 'IAM service last accessed',
  'pagerduty-users': 'PagerDuty users',
};

/**
 * The audit as Markdown an auditor can file: date and scope, the sources read with their times and
 * digests, the rule pack, findings by severity with their evidence, suppressed findings with their
 * reasons, how each role's JD duties are covered, and the person × access table with every grant's
 * justification and the JD lines it quotes. Text from the roles and the exports is escaped (markdown-text).
 */
export function renderAuditMarkdown(result: AuditResult): string {
  const open = result.findings.filter((finding) => !finding.suppressed);
  const suppressed = result.findings.filter((finding) => finding.suppressed);
  const count = (severity: FindingSeverity): number => open.filter((finding) => finding.severity === severity).length;
  const people = new Set(result.rows.map((row) => row.person)).size;
  const lines: string[] = [
    `# Access audit: ${mdText(result.org)}, as of ${result.asOf}`,
    '',
    `Scope: ${people} active ${people === 1 ? 'person' : 'people'} with access, ${result.coverage.length} roles, ${result.rows.length} grants (person × grant).`,
    `Findings: ${[...SEVERITY_ORDER]
      .reverse()
      .map((severity) => `${count(severity)} ${severity}`)
      .join(', ')}; ${suppressed.length} suppressed.`,
    '',
    '## Sources',
    '',
    '| source | file | scope | taken | modified | SHA-256 |',
    '| --- | --- | --- | --- | --- | --- |',
    '| roles | the roles directory | JDs, roles, capabilities, people | - | - | - |',
    ...result.sources.map(
      (source) =>
        `| ${SOURCE_NAMES[source.kind] ?? source.kind} | ${mdCode(source.file)} | ${mdText(source.scope)} | ${source.taken ?? '-'} | ${source.modified ?? '-'} | ${source.sha256 ? mdCode(source.sha256) : '-'} |`,
    ),
    '',
    result.sources.length
      ? 'Drift is what these sources show against the roles on the audit date.'
      : 'No export of live access was given: drift and unused access were not checked.',
    '',
    '## Rules',
    '',
    '| rule | checks | ran | findings |',
    '| --- | --- | --- | --- |',
    ...result.rules.map(
      (rule) => `| ${rule.id} | ${mdText(rule.description)} | ${rule.ran ? 'yes' : 'no (source not given)'} | ${rule.findings} |`,
    ),
    '',
  ];
  for (const severity of [...SEVERITY_ORDER].reverse()) {
    const group = open.filter((finding) => finding.severity === severity);
    if (group.length === 0) continue;
    lines.push(`## ${severity[0]?.toUpperCase() ?? ''}${severity.slice(1)} (${group.length})`, '');
    for (const finding of group) lines.push(...findingLines(finding));
  }
  if (suppressed.length) {
    lines.push(`## Suppressed (${suppressed.length})`, '');
    for (const finding of suppressed) lines.push(...findingLines(finding));
  }
  lines.push(
    '## Duty coverage',
    '',
    '| role | JD | duties | mapped | no access needed | unmapped |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const role of result.coverage)
    lines.push(`| ${role.role} | ${mdCode(role.jd)} | ${role.duties} | ${role.mapped} | ${role.noAccess} | ${role.unmapped} |`);
  lines.push(
    '',
    '## Access review',
    '',
    'One row per person and grant. Decision: keep or remove; the reviewer signs and dates each row.',
    '',
  );
  lines.push(
    '| person | name | roles | access | risk | justification | JD quote | decision | reviewer | date |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const row of result.rows) {
    lines.push(
      `| ${row.person} | ${mdText(row.name, 80)} | ${row.roles.join(', ')} | ${mdText(row.access, 160)} | ${row.risk} | ${row.justification.map((chain) => mdText(chain, 300)).join('<br>')} | ${row.quotes.map((quote) => mdText(quote, 300)).join('<br>') || '-'} |  |  |  |`,
    );
  }
  lines.push('', '## Sign-off', '', '| reviewed by | date | signature |', '| --- | --- | --- |', '|  |  |  |', '');
  return `${lines.join('\n')}\n`;
}

function findingLines(finding: Finding): string[] {
  return [
    `### ${mdCode(finding.id, 300)}`,
    '',
    `${finding.severity} · ${finding.category} · subject ${mdCode(finding.subject)}: ${mdText(finding.message, 400)}`,
    '',
    ...finding.evidence.map((line) => `- ${mdText(line, 400)}`),
    ...(finding.suppressed
      ? [
          `- suppressed (${finding.suppressed.at.file}:${finding.suppressed.at.line}${finding.suppressed.expires ? `, until ${finding.suppressed.expires}` : ''}): ${mdText(finding.suppressed.reason, 400)}`,
        ]
      : []),
    '',
  ];
}
