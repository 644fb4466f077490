import { loadActionCatalog } from '../../pipeline/action-catalog';
import { expandWildcard } from '../../model/iam/expand';
import { closest } from '../../util/closest';
import type { Parsed } from '../args';
import { personEntry, roleEntry } from '../../model/build/person-access';
import { explainPerson, explainRole } from '../format-explain';
import { EXIT, UsageError, type Io } from '../io';
import { loadForCommand, problemSummary } from '../shared';
import { explainCommand } from './explain';

const { usage } = explainCommand;

/** Runs `rolecall explain ID` once its options are parsed and --help is answered. */
export function runExplain(parsed: Parsed, io: Io): number {
  if (parsed.positionals.length !== 1) throw new UsageError(parsed.positionals.length ? 'expected one ID' : 'missing ID', usage);
  const id = parsed.positionals[0] ?? '';
  const { model, problems } = loadForCommand(parsed, io, usage, { focus: id });
  if (!model) {
    io.err(`invalid: ${problemSummary(problems)}\n`);
    return EXIT.invalid;
  }
  const person = model.people.find((candidate) => candidate.id === id);
  const role = model.roles.find((candidate) => candidate.id === id);
  if (!person && !role) {
    const suggestion = closest(id, [...model.people.map((p) => p.id), ...model.roles.map((r) => r.id)]);
    io.err(`no person or role with id "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}\n`);
    return EXIT.invalid;
  }
  if (parsed.values.json) {
    io.out(`${JSON.stringify(person ? personEntry(model, person) : roleEntry(role), null, 2)}\n`);
    return EXIT.ok;
  }
  const catalog = loadActionCatalog();
  const options = { expandWildcard: (action: string) => expandWildcard(action, catalog) };
  io.out(person ? explainPerson(model, person, options) : role ? explainRole(model, role, options) : '');
  return EXIT.ok;
}
