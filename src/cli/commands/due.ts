import type { Command } from '../command';

const usage = `usage: rolecall due [--within DAYS] [--as-of YYYY-MM-DD] [--format text|json] [--roles DIR]

Lists the dated changes of access from the as-of date through DAYS days after it: starts (access is
created), ends (the day after the last day, when everything goes), ramp-ups ending (a hire joins a
rotation and leaves its shadow) and risk acceptances expiring (from the day after, nothing validates
until the risk is accepted again). A deploy with ROLECALL_AS_OF set to a listed day makes it real; a
scheduled workflow runs one on each day something is due.

options:
  --within DAYS          how far to look: 7d (default), 0d for the as-of day alone, up to 366d
  --as-of YYYY-MM-DD     the first day (default: today, or ROLECALL_AS_OF)
  --format text|json     text: one line per change (default); json: {from, to, due: [{date, kind,
                         subject, detail}]}, in the same order
  --roles DIR            the roles directory (default: ./roles)
  -h, --help             this help

exit: 0 listed (also when nothing is due), 1 invalid roles, 2 usage error`;

/** `rolecall due`: what start dates, end dates, ramp-ups and expiring acceptances change, and when. */
export const dueCommand: Command = {
  name: ['due'],
  summary: 'dated changes coming up (starts, ends, ramp-ups, expiring acceptances): the days a deploy must run',
  usage,
  options: { within: { type: 'string' }, 'as-of': { type: 'string' }, format: { type: 'string' } },
  load: () => (require('./due-run') as typeof import('./due-run')).runDue,
};
