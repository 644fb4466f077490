import type { AccessRow } from './access-rows';

const HEADER = [
  'person',
  'name',
  'email',
  'status',
  'roles',
  'grant',
  'capability',
  'backend',
  'access',
  'risk',
  'justification',
  'jd_quotes',
  'decision',
  'reviewer',
  'review_date',
];

/**
 * The user-access review as CSV (RFC 4180): one row per person and grant, with its justification chain
 * and empty `decision`, `reviewer` and `review_date` columns for the reviewer. A cell that a spreadsheet
 * would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a leading `'`:
 * names and quotes come from files anyone can propose.
 * https://owasp.org/www-community/attacks/CSV_Injection
 */
export function renderAccessCsv(rows: readonly AccessRow[]): string {
  const lines = [HEADER.join(',')];
  for (const row of rows) {
    lines.push(
      [
        row.person,
        row.name,
        row.email,
        row.status,
        row.roles.join(' '),
        row.grant,
        row.capability,
        row.backend,
        row.access,
        row.risk,
        row.justification.join(' | '),
        row.quotes.join(' | '),
        '',
        '',
        '',
      ]
        .map(cell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
