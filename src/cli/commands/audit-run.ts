import { resolve } from 'node:path';
import { renderAccessCsv } from '../../audit/render-csv';
import { renderAuditJson } from '../../audit/render-json';
import { renderAuditMarkdown } from '../../audit/render-markdown';
import { failsAt, runAudit as audit } from '../../audit/run-audit';
import { hasErrors } from '../../load/problem';
import { loadAuditModel } from '../../pipeline/load-audit-model';
import { DEFAULT_AUDIT } from '../../schema/audit';
import { showValue } from '../../util/safe-text';
import { asOfOption, stringOption, type Parsed } from '../args';
import { EXIT, UsageError, type Io } from '../io';
import { writeFileAtomic } from '../write-atomic';
import { displayPath, envAsOf, printProblems, problemSummary } from '../shared';
import { auditCommand } from './audit';
import { readAuditSources } from './audit-sources';

const { usage } = auditCommand;
const LEVELS = ['low', 'medium', 'high'] as const;

/** Runs `rolecall audit` once its options are parsed and --help is answered. */
export function runAudit(parsed: Parsed, io: Io): number {
  if (parsed.positionals.length) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`, usage);
  const format = stringOption(parsed.values.format, 'md');
  if (format !== 'md' && format !== 'json' && format !== 'csv')
    throw new UsageError(`--format expects md, json or csv, got ${showValue(format)}`, usage);
  const failOn = parsed.values['fail-on'];
  if (failOn !== undefined && !LEVELS.includes(failOn as (typeof LEVELS)[number]))
    throw new UsageError(`--fail-on expects low, medium or high, got ${showValue(failOn)}`, usage);
  const rolesOption = stringOption(parsed.values.roles, 'roles');
  const asOf = asOfOption(parsed.values['as-of'], usage) ?? envAsOf(io, usage);

  const loaded = loadAuditModel(resolve(io.cwd, rolesOption), asOf, displayPath(rolesOption));
  const sources = readAuditSources(parsed, io.cwd, loaded.model);
  const problems = [...loaded.problems, ...sources.problems];
  printProblems(problems, io);
  if (!loaded.model || hasErrors(problems)) {
    io.err(`invalid: ${problemSummary(problems)}\n`);
    return EXIT.invalid;
  }
  const config = loaded.bundle.org?.value.audit ?? { ...DEFAULT_AUDIT, suppressions: [] };
  const result = audit({ model: loaded.model, bundle: loaded.bundle, config, actual: sources.actual, brokenQuotes: loaded.brokenQuotes });
  const text = format === 'csv' ? renderAccessCsv(result.rows) : format === 'json' ? renderAuditJson(result) : renderAuditMarkdown(result);
  const out = parsed.values.out;
  if (typeof out === 'string') {
    writeFileAtomic(resolve(io.cwd, out), text, out);
    io.out(`wrote ${out}\n`);
  } else io.out(text);
  const open = result.findings.filter((finding) => !finding.suppressed);
  io.err(
    `rolecall audit: ${open.length} finding${open.length === 1 ? '' : 's'} (${['high', 'medium', 'low', 'info'].map((level) => `${open.filter((finding) => finding.severity === level).length} ${level}`).join(', ')}), ${result.findings.length - open.length} suppressed\n`,
  );
  return typeof failOn === 'string' && failsAt(result, failOn as (typeof LEVELS)[number]) ? EXIT.invalid : EXIT.ok;
}
