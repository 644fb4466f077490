import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCommandArgs } from '../args';
import type { Command } from '../command';
import { accessReport } from '../format-report';
import { EXIT, UsageError, writing } from '../io';
import { loadForCommand, problemSummary } from '../shared';

const usage = `usage: rolecall report [--roles DIR] [--as-of YYYY-MM-DD] [--out FILE]

Prints a Markdown access report of the model: every person with their status, roles, grants and
highest risk; every role with its capabilities; every capability with its computed and declared
risk, its holders and the JD duties (file:line) that justify it; the high-risk capabilities with
why; and what would be provisioned.

options:
  --roles DIR          the roles directory (default: ./roles)
  --as-of YYYY-MM-DD   date the model is built for (default: today, or ROLECALL_AS_OF)
  --out FILE           write the report to FILE instead of stdout
  -h, --help           this help

exit: 0 reported, 1 invalid roles, 2 usage error`;

/** `rolecall report`: the access report of the main job. */
export const reportCommand: Command = {
  name: ['report'],
  summary: 'print a Markdown access report: people, roles, capabilities, risk, justifications',
  usage,
  run(argv, io) {
    const parsed = parseCommandArgs(argv, { 'as-of': { type: 'string' }, out: { type: 'string' } }, usage);
    if (parsed.values.help) return (io.out(`${usage}\n`), EXIT.ok);
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
  },
};
