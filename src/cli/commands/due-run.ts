import { resolve } from 'node:path';
import { dueChanges } from '../../model/build/due';
import { loadModel } from '../../pipeline/load-model';
import { addDays } from '../../util/calendar-date';
import { escapeUnsafe, showValue } from '../../util/safe-text';
import { asOfOption, stringOption, type Parsed } from '../args';
import { EXIT, UsageError, type Io } from '../io';
import { displayPath, envAsOf, printProblems, problemSummary } from '../shared';
import { dueCommand } from './due';

const { usage } = dueCommand;

/** The longest window `--within` takes: a year and a day. */
const MAX_DAYS = 366;

/** Runs `rolecall due` once its options are parsed and --help is answered. */
export function runDue(parsed: Parsed, io: Io): number {
  if (parsed.positionals.length) throw new UsageError(`unexpected argument ${showValue(parsed.positionals[0] ?? '')}`, usage);
  const days = withinOption(parsed.values.within);
  const format = stringOption(parsed.values.format, 'text');
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format expects text or json, got ${showValue(format)}`, usage);
  const from = asOfOption(parsed.values['as-of'], usage) ?? envAsOf(io, usage);
  const to = addDays(from, days);
  const rolesOption = stringOption(parsed.values.roles, 'roles');
  const shown = displayPath(rolesOption);
  // The model of the first day: who exists and which roles staff which rotation. A problem that only
  // arises later (an acceptance expiring) is one of the changes listed, not a reason to list nothing.
  const loaded = loadModel(resolve(io.cwd, rolesOption), from, shown);
  printProblems(loaded.problems, io);
  if (!loaded.model) {
    io.err(`invalid: ${problemSummary(loaded.problems)}\n`);
    return EXIT.invalid;
  }
  const due = dueChanges(loaded.model, loaded.bundle, from, to);
  if (format === 'json') {
    io.out(`${JSON.stringify({ from, to, due }, null, 2)}\n`);
    return EXIT.ok;
  }
  const span = days === 0 ? from : `${from} through ${to}`;
  if (due.length === 0) {
    io.out(`nothing due ${span}\n`);
    return EXIT.ok;
  }
  io.out(`due ${span}: ${due.length} change${due.length === 1 ? '' : 's'}; deploy on each day listed (ROLECALL_AS_OF=<day>)\n`);
  for (const change of due) io.out(`${change.date}  ${escapeUnsafe(change.subject)}: ${escapeUnsafe(change.detail)}\n`);
  return EXIT.ok;
}

function withinOption(value: string | boolean | undefined): number {
  if (value === undefined) return 7;
  const match = typeof value === 'string' ? /^(\d{1,3})d$/.exec(value) : null;
  const days = match ? Number(match[1]) : NaN;
  if (!(days >= 0 && days <= MAX_DAYS))
    throw new UsageError(`--within expects a number of days such as 7d (0d to ${MAX_DAYS}d), got ${showValue(String(value))}`, usage);
  return days;
}
