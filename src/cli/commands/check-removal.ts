import type { Command } from '../command';

const usage = `usage: rolecall check-removal --base REV [--head REV] [--roles DIR] [--as-of YYYY-MM-DD]

A guard against a change that takes access away from many people at once (a bad merge, a deleted
role, a mass offboarding by mistake). Compares the roles directory at REV with the working tree (or
--head REV) the way \`rolecall diff\` does, lists everyone who loses any access (an AWS grant, a
repository permission, a team, a rotation, organisation membership, or everything by ending or
leaving people.yaml), and fails when they are more than org.yaml's guards.massRemoval allows:
\`people\` people, or \`percent\` per cent of the people active on the base side (default 5 people,
10 %). The stricter of the base's and the head's limits applies, so a change cannot loosen its own
guard. Set ROLECALL_ALLOW_MASS_REMOVAL=1 to let an intended mass removal through.

options:
  --base REV             git revision of the base, e.g. origin/main (required)
  --head REV             git revision of the head (default: the working tree)
  --roles DIR            the roles directory, as a path in the working tree (default: ./roles)
  --as-of YYYY-MM-DD     date both sides are built for (default: today, or ROLECALL_AS_OF)
  -h, --help             this help

exit: 0 within the limit (or allowed), 1 over it or either side invalid, 2 usage error`;

/** `rolecall check-removal --base REV`: the mass-removal guard. */
export const checkRemovalCommand: Command = {
  name: ['check-removal'],
  summary: 'fail a change that takes access away from more people than org.yaml allows',
  usage,
  options: { base: { type: 'string' }, head: { type: 'string' }, 'as-of': { type: 'string' } },
  load: () => (require('./check-removal-run') as typeof import('./check-removal-run')).runCheckRemoval,
};
