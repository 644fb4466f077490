import type { RiskLevel } from '../../src/schema';

const RANK: Readonly<Record<RiskLevel, number>> = { low: 0, medium: 1, high: 2 };

/** The tables of a Markdown text: runs of lines starting with `|`. */
export function markdownTables(markdown: string): string[][] {
  const found: string[][] = [];
  let current: string[] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) {
      current.push(line);
    } else if (current.length) {
      found.push(current);
      current = [];
    }
  }
  if (current.length) found.push(current);
  return found;
}

/** The cells of a table row (a `|` in user text is an entity, so every `|` splits). */
export function rowCells(row: string): string[] {
  return row
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());
}

/**
 * What makes a comment readable in a pull request's column: no table wider than `maxColumns`, every
 * row as wide as its header, and an acceptance said only on a row at or above the gate's level.
 * Returns what is wrong, so a failing test names it.
 */
export function commentShapeProblems(markdown: string, gateLevel: RiskLevel, maxColumns = 7): string[] {
  const problems: string[] = [];
  for (const table of markdownTables(markdown)) {
    const header = rowCells(table[0] ?? '');
    if (header.length > maxColumns) problems.push(`${header.length} columns: ${table[0]}`);
    for (const row of table) if (rowCells(row).length !== header.length) problems.push(`row not as wide as its header: ${row}`);
    if (header[0] !== 'risk') continue;
    for (const row of table.slice(2)) {
      const cells = rowCells(row);
      const level = (cells[0] ?? '').replace(/\*/g, '') as RiskLevel;
      if (/accepted|fails the gate/.test(cells.slice(1).join(' ')) && RANK[level] < RANK[gateLevel])
        problems.push(`acceptance on a ${level} row below the gate: ${row}`);
    }
  }
  return problems;
}
