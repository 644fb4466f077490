import type { Parsed } from '../args';
import { EXIT, UsageError, type Io } from '../io';
import { grantCount } from '../../model/build/person-access';
import { loadForCommand, problemSummary } from '../shared';
import { validateCommand } from './validate';

const { usage } = validateCommand;

/** Runs `rolecall validate` once its options are parsed and --help is answered. */
export function runValidate(parsed: Parsed, io: Io): number {
  if (parsed.positionals.length) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`, usage);
  const { model, problems, asOf } = loadForCommand(parsed, io, usage);
  if (!model) {
    io.err(`invalid: ${problemSummary(problems)}\n`);
    return EXIT.invalid;
  }
  const active = model.people.filter((person) => person.status === 'active').length;
  const grants = model.people.reduce((sum, person) => sum + grantCount(model, person), 0);
  io.out(
    `valid as of ${asOf}: ${model.roles.length} roles, ${model.capabilities.length} capabilities, ` +
      `${model.people.length} people (${active} active), ${grants} grants` +
      `${problems.length ? `, ${problemSummary(problems).split(', ')[1]}` : ''}\n`,
  );
  return EXIT.ok;
}
