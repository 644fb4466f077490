import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Parsed } from '../args';
import { accessReport } from '../format-report';
import { EXIT, UsageError, writing, type Io } from '../io';
import { loadForCommand, problemSummary } from '../shared';
import { reportCommand } from './report';

const { usage } = reportCommand;

/** Runs `rolecall report` once its options are parsed and --help is answered. */
export function runReport(parsed: Parsed, io: Io): number {
  if (parsed.positionals.length) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`, usage);
  const { model, problems } = loadForCommand(parsed, io, usage);
  if (!model) {
    io.err(`invalid: ${problemSummary(problems)}\n`);
    return EXIT.invalid;
  }
  const report = accessReport(model);
  if (typeof parsed.values.out === 'string') {
    const out = parsed.values.out;
    writing(out, () => writeFileSync(resolve(io.cwd, out), report));
    io.out(`wrote ${parsed.values.out}\n`);
  } else io.out(report);
  return EXIT.ok;
}
