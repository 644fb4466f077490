import type { Command } from '../command';

const usage = `usage: rolecall explain ID [--roles DIR] [--as-of YYYY-MM-DD] [--json]

Shows a person's or a role's access with its justification chains: person -> role -> duty quote
(role file line -> JD file line and section) -> capability -> concrete grants (AWS statements,
GitHub repositories and teams, on-call rotations). Wildcard actions are expanded.

Every file is read and checked against its schema, but only what this person's or role's access
depends on is cross-checked and built: their roles, the roles that share a GitHub team rolecall
creates, a rotation (or its shadow) or a risk acceptance with them, and so on, those roles'
capabilities, JDs and holders. Each such team and rotation is built with everyone in it, so who
maintains a team and where the person stands in a rotation are as in the whole organisation.
\`rolecall validate\` checks the rest.

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
  options: { 'as-of': { type: 'string' }, json: { type: 'boolean' } },
  load: () => (require('./explain-run') as typeof import('./explain-run')).runExplain,
};
