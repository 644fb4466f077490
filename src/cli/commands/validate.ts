import type { Command } from '../command';

const usage = `usage: rolecall validate [--roles DIR] [--as-of YYYY-MM-DD]

Checks every file in the roles directory (org.yaml, capabilities.yaml, people.yaml, one
<role>.yaml per role, the JDs they quote) and the access model built from them. Prints every
problem as file:line:col: message (hint), one per line.

options:
  --roles DIR          the roles directory (default: ./roles)
  --as-of YYYY-MM-DD   date the model is built for (default: today, or ROLECALL_AS_OF)
  -h, --help           this help

exit: 0 valid (warnings allowed), 1 invalid, 2 usage error`;

/** `rolecall validate`: check every file and the model. */
export const validateCommand: Command = {
  name: ['validate'],
  summary: 'check the roles directory and the access model built from it',
  usage,
  options: { 'as-of': { type: 'string' } },
  load: () => (require('./validate-run') as typeof import('./validate-run')).runValidate,
};
