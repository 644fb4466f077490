import type { Command } from '../command';

const usage = `usage: rolecall diff --base REV [--head REV] [--format md|json] [--max-chars N]
                     [--fail-on low|medium|high] [--roles DIR] [--as-of YYYY-MM-DD]

Compares the access two versions of the roles directory grant: the base read from git revision REV,
the head from --head REV or else the working tree. Both are read from git objects without touching
the working tree or the index, and both models are built as of the same date. Access is compared,
not text: AWS (account, action, resource, conditions) after wildcard expansion and managed
policies, GitHub repository permissions and team memberships, rotation membership and order. So
reordering, reformatting or splitting a capability with the same grants is no change.

Reports, per person, access gained and lost (AWS actions by service and access level, repository
permissions, teams, rotations) and people added, removed, starting and ending; per role and
capability, what changed and everyone affected; each change's risk, highest first, with new
high-risk access and changed risk acceptances called out; and justification changes (duty quotes
added or removed, quotes anchored elsewhere, access whose reasons changed).

options:
  --base REV             git revision of the base, e.g. origin/main or HEAD~1 (required)
  --head REV             git revision of the head (default: the working tree)
  --format md|json       md: a pull-request comment within GitHub's 65,536 characters (default);
                         json: the same content for bots, complete, keys in a stable order
  --max-chars N          md: the most characters to write (default 65536, a comment; up to 1048576,
                         a job summary); what does not fit is counted at the end
  --fail-on LEVEL        exit 1 when the change adds access at LEVEL risk or above that no written
                         risk acceptance covers (also a deny lifted while its allow stays, a new owner)
  --roles DIR            the roles directory, as a path in the working tree (default: ./roles)
  --as-of YYYY-MM-DD     date both models are built for (default: today, or ROLECALL_AS_OF)
  -h, --help             this help

exit: 0 compared, 1 invalid roles on either side or --fail-on met, 2 usage error (a bad revision too)`;

/** `rolecall diff --base REV`: the access a change of the roles directory grants and takes away. */
export const diffCommand: Command = {
  name: ['diff'],
  summary: 'compare the access of two versions of the roles directory (git revisions)',
  usage,
  options: {
    base: { type: 'string' },
    head: { type: 'string' },
    format: { type: 'string' },
    'fail-on': { type: 'string' },
    'as-of': { type: 'string' },
    'max-chars': { type: 'string' },
  },
  load: () => (require('./diff-run') as typeof import('./diff-run')).runDiff,
};
