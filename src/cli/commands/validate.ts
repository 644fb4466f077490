import { parseCommandArgs } from '../args';
import type { Command } from '../command';
import { EXIT, UsageError } from '../io';
import { accessSummary } from '../../model/person-access';
import { loadForCommand, problemSummary } from '../shared';

const usage = `usage: rolecall validate [--roles DIR] [--as-of YYYY-MM-DD]

Checks every file in the roles directory (org.yaml, capabilities.yaml, people.yaml, one
<role>.yaml per role, the JDs they quote) and the access model built from them. Prints every
problem as file:line:col: message (hint), one per line.

options:
  --roles DIR          the roles directory (default: ./roles)
  --as-of YYYY-MM-DD   date the model is built for (default: today, or ROLECALL_AS_OF)
  -h, --help           this help

exit: 0 valid (warnings allowed), 1 invalid, 2 usage error`;

/** `rolecall validate`: check every file and the model. */
export const validateCommand: Command = {
  name: ['validate'],
  summary: 'check the roles directory and the access model built from it',
  usage,
  run(argv, io) {
    const parsed = parseCommandArgs(argv, { 'as-of': { type: 'string' } }, usage);
    if (parsed.values.help) return (io.out(`${usage}\n`), EXIT.ok);
    if (parsed.positionals.length) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`, usage);
    const { model, problems, asOf } = loadForCommand(parsed, io, usage);
    if (!model) {
      io.err(`invalid: ${problemSummary(problems)}\n`);
      return EXIT.invalid;
    }
    const active = model.people.filter((person) => person.status === 'active').length;
    const grants = model.people.reduce((sum, person) => sum + accessSummary(model, person).grants, 0);
    io.out(
      `valid as of ${asOf}: ${model.roles.length} roles, ${model.capabilities.length} capabilities, ` +
        `${model.people.length} people (${active} active), ${grants} grants` +
        `${problems.length ? `, ${problemSummary(problems).split(', ')[1]}` : ''}\n`,
    );
    return EXIT.ok;
  },
};
