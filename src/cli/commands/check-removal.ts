import type { Command } from '../command';

const usage = `usage: rolecall check-removal --base REV [--head REV] [--roles DIR] [--as-of YYYY-MM-DD]

A guard against a change that takes access away from many people at once (a bad merge, a deleted
role, a mass offboarding by mistake). Compares the roles directory at REV with the working tree (or
--head REV) the way \`rolecall diff\` does, lists everyone who loses any access (an AWS grant, a
repository permission, a team, a rotation, organisation membership, or everything by ending or
leaving people.yaml), and fails when they are more than org.yaml's guards.massRemoval allows: more
than \`people\` people and also more than \`percent\` per cent of the people active on the base side
(default 5 people, 10 %). One person leaving never fails it. The stricter of the base's and the
head's limits applies, so a change cannot loosen its own guard. Set ROLECALL_ALLOW_MASS_REMOVAL=1 to
let an intended removal through.

It also fails a change that leaves a rotation with fewer members than guards.rotationMinMembers
(default 2), where it had more (ROLECALL_ALLOW_SHORT_ROTATION=1 lets it through), or a capability of
guards.breakGlass with fewer than two active holders (ROLECALL_ALLOW_BREAK_GLASS_SHORTFALL=1). Each
guard says what it found and names its own variable.

And it counts the GitHub invitations of each deploy the change leads to (on the as-of date, and on
each later start date): a day over guards.githubInvitationsPerDay (default 50, GitHub's limit) fails,
naming whom to start later. The variable does not lift that one: GitHub would refuse them anyway.

options:
  --base REV             git revision of the base, e.g. origin/main (required)
  --head REV             git revision of the head (default: the working tree)
  --roles DIR            the roles directory, as a path in the working tree (default: ./roles)
  --as-of YYYY-MM-DD     date both sides are built for (default: today, or ROLECALL_AS_OF)
  -h, --help             this help

exit: 0 within the guards (or allowed), 1 over one or either side invalid, 2 usage error`;

/** `rolecall check-removal --base REV`: the mass-removal guard. */
export const checkRemovalCommand: Command = {
  name: ['check-removal'],
  summary: 'fail a change that takes access from too many people, leaves break-glass or a rotation short, or invites too many at once',
  usage,
  options: { base: { type: 'string' }, head: { type: 'string' }, 'as-of': { type: 'string' } },
  load: () => (require('./check-removal-run') as typeof import('./check-removal-run')).runCheckRemoval,
};
