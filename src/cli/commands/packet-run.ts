import { resolve } from 'node:path';
import { loadModel } from '../../pipeline/load-model';
import { showValue } from '../../util/safe-text';
import { asOfOption, stringOption, type Parsed } from '../args';
import { formatPacket } from '../format-packet';
import { EXIT, UsageError, type Io } from '../io';
import { displayPath, envAsOf, printProblems, problemSummary } from '../shared';
import { packetCommand } from './packet';

const { usage } = packetCommand;

/** Runs `rolecall packet ID` once its options are parsed and --help is answered. */
export function runPacket(parsed: Parsed, io: Io): number {
  if (parsed.positionals.length !== 1) throw new UsageError(parsed.positionals.length ? 'expected one ID' : 'missing ID', usage);
  const id = parsed.positionals[0] ?? '';
  const asOf = asOfOption(parsed.values['as-of'], usage) ?? envAsOf(io, usage);
  const rolesOption = stringOption(parsed.values.roles, 'roles');
  const dir = resolve(io.cwd, rolesOption);
  const shown = displayPath(rolesOption);
  const loaded = loadModel(dir, asOf, shown);
  printProblems(loaded.problems, io);
  if (!loaded.model) {
    io.err(`invalid: ${problemSummary(loaded.problems)}\n`);
    return EXIT.invalid;
  }
  const found = loaded.model.people.find((person) => person.id === id);
  if (!found) {
    io.err(`no person ${showValue(id)} in ${shown}/people.yaml (a role id? \`rolecall explain ${id}\` explains roles)\n`);
    return EXIT.invalid;
  }
  // Someone who has not started is shown as they will be on their first day.
  const base = loaded.model;
  const models = new Map([[asOf, base]]);
  const modelOn = (date: string) => {
    if (!models.has(date)) models.set(date, loadModel(dir, date, shown).model ?? base);
    return models.get(date);
  };
  const model = found.start > asOf ? (modelOn(found.start) ?? base) : base;
  const person = model.people.find((candidate) => candidate.id === id) ?? found;
  io.out(formatPacket({ asOf, model, person, bundle: loaded.bundle, modelOn }));
  return EXIT.ok;
}
