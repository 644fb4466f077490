import { loadActionCatalog } from '../../load/action-catalog';
import { expandWildcard } from '../../model/iam/expand';
import { closest } from '../../util/closest';
import { parseCommandArgs } from '../args';
import type { Command } from '../command';
import { personEntry, roleEntry } from '../../model/person-access';
import { explainPerson, explainRole } from '../format-explain';
import { EXIT, UsageError } from '../io';
import { loadForCommand, problemSummary } from '../shared';

const usage = `usage: rolecall explain ID [--roles DIR] [--as-of YYYY-MM-DD] [--json]

Shows a person's or a role's access with its justification chains: person -> role -> duty quote
(role file line -> JD file line and section) -> capability -> concrete grants (AWS statements,
GitHub repositories and teams, on-call rotations). Wildcard actions are expanded.

options:
  --roles DIR          the roles directory (default: ./roles)
  --as-of YYYY-MM-DD   date the access is computed for (default: today, or ROLECALL_AS_OF)
  --json               print the person's or role's model entry as JSON
  -h, --help           this help

exit: 0 explained, 1 invalid roles or unknown id, 2 usage error`;

/** `rolecall explain ID`: a person's or role's grants and why. */
export const explainCommand: Command = {
  name: ['explain'],
  summary: "show a person's or role's grants with their justification chains",
  usage,
  run(argv, io) {
    const parsed = parseCommandArgs(argv, { 'as-of': { type: 'string' }, json: { type: 'boolean' } }, usage);
    if (parsed.values.help) return (io.out(`${usage}\n`), EXIT.ok);
    if (parsed.positionals.length !== 1) throw new UsageError(parsed.positionals.length ? 'expected one ID' : 'missing ID', usage);
    const id = parsed.positionals[0] ?? '';
    const { model, problems } = loadForCommand(parsed, io, usage);
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
  },
};
