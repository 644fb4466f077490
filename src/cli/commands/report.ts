import type { Command } from '../command';

const usage = `usage: rolecall report [--roles DIR] [--as-of YYYY-MM-DD] [--out FILE]

Prints a Markdown access report of the model: every person with their status, roles, grants and
highest risk; every role with its capabilities; every capability with its computed and declared
risk, its holders and the JD duties (file:line) that justify it; the high-risk capabilities with
why; and what would be provisioned.

options:
  --roles DIR          the roles directory (default: ./roles)
  --as-of YYYY-MM-DD   date the model is built for (default: today, or ROLECALL_AS_OF)
  --out FILE           write the report to FILE instead of stdout
  -h, --help           this help

exit: 0 reported, 1 invalid roles, 2 usage error`;

/** `rolecall report`: the access report of the main job. */
export const reportCommand: Command = {
  name: ['report'],
  summary: 'print a Markdown access report: people, roles, capabilities, risk, justifications',
  usage,
  options: { 'as-of': { type: 'string' }, out: { type: 'string' } },
  load: () => (require('./report-run') as typeof import('./report-run')).runReport,
};
