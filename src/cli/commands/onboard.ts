import type { Command } from '../command';

const usage = `usage: rolecall onboard --id ID --name NAME --email EMAIL --github LOGIN --role ROLE [--role ROLE...]
                        --start YYYY-MM-DD [--dry-run] [--roles DIR] [--as-of YYYY-MM-DD]

Adds a person to people.yaml after the last entry, in the entries' own layout; every other byte of the
file (comments, blank lines, quoting, order) stays as it is. The whole organisation is checked with the
new entry first, as \`validate\` checks it: a duplicate id, e-mail or GitHub login, an unknown role or
any other error is printed as file:line:col and nothing is written. The file is replaced atomically.
Access follows from the roles from the start date on: \`rolecall explain ID --as-of START\` shows it.

options:
  --id ID                the person's id (lower-case words joined by hyphens), used in every stack
  --name NAME            display name
  --email EMAIL          work e-mail: the AWS user name and the on-call contact
  --github LOGIN         GitHub login
  --role ROLE            a role id; repeat for more than one
  --start YYYY-MM-DD     first day of access
  --dry-run              check and print the new entry, write nothing
  --roles DIR            the roles directory (default: ./roles)
  --as-of YYYY-MM-DD     date the organisation is checked for (default: today, or ROLECALL_AS_OF)
  -h, --help             this help

exit: 0 added (or, with --dry-run, would be), 1 the organisation would be invalid or the file cannot
be edited or written, 2 usage error`;

/** `rolecall onboard`: a new hire in people.yaml, checked before it is written. */
export const onboardCommand: Command = {
  name: ['onboard'],
  summary: 'add a person to people.yaml, checked with the whole organisation before writing',
  usage,
  options: {
    id: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
    github: { type: 'string' },
    role: { type: 'string', multiple: true },
    start: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'as-of': { type: 'string' },
  },
  load: () => (require('./people-edit-run') as typeof import('./people-edit-run')).runOnboard,
};
