import type { Command } from '../command';

const usage = `usage: rolecall offboard ID --on YYYY-MM-DD [--dry-run] [--roles DIR] [--as-of YYYY-MM-DD]
       rolecall offboard --remove [--dry-run] [--roles DIR] [--as-of YYYY-MM-DD]

With ID: sets the person's \`end\` in people.yaml (their last day of access, inclusive), or changes it;
the entry stays, so the history of who held what stays in git and in the audit. From the day after,
the next deploy removes their access in every stack.
With --remove: deletes every entry whose end is before the --as-of date, each with the comment lines
right above it.
Either way every other byte of the file stays as it is, the whole organisation is checked with the
change before anything is written (an entry still named as a risk acceptance approver, say, is an
error), and the file is replaced atomically.

options:
  --on YYYY-MM-DD        the last day of access
  --remove               delete the entries whose end has passed instead
  --dry-run              check and print what would change, write nothing
  --roles DIR            the roles directory (default: ./roles)
  --as-of YYYY-MM-DD     date the organisation is checked for (default: today, or ROLECALL_AS_OF)
  -h, --help             this help

exit: 0 changed (or, with --dry-run, would be), 1 the organisation would be invalid or the file cannot
be edited or written, 2 usage error`;

/** `rolecall offboard`: a leaver's end date in people.yaml, or the removal of past leavers. */
export const offboardCommand: Command = {
  name: ['offboard'],
  summary: "set a person's end date in people.yaml (or --remove past leavers), checked before writing",
  usage,
  options: {
    on: { type: 'string' },
    remove: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    'as-of': { type: 'string' },
  },
  load: () => (require('./people-edit-run') as typeof import('./people-edit-run')).runOffboard,
};
