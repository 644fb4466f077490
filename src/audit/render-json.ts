import type { AuditResult } from './run-audit';

/** The audit as JSON (`format: rolecall-audit/1`), for tools: the same data as the Markdown report. */
export function renderAuditJson(result: AuditResult): string {
  return `${JSON.stringify({ format: 'rolecall-audit/1', ...result }, null, 2)}\n`;
}
