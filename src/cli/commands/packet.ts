import type { Command } from '../command';

const usage = `usage: rolecall packet ID [--roles DIR] [--as-of YYYY-MM-DD]

Prints a Markdown packet for a person and their lead (the maintainers of their roles). For a hire:
their roles, every access they will get on their first day with the JD duty (or baseline reason) that
justifies it, the day they join each rotation after its ramp-up and where they shadow meanwhile, their
first shift, and their first steps (the GitHub invitation, the first AWS sign-in, the on-call contact
methods). For a leaver (an end date set): what is removed, and when.

options:
  --roles DIR            the roles directory (default: ./roles)
  --as-of YYYY-MM-DD     the date of the packet (default: today, or ROLECALL_AS_OF); access is shown as
                         of the person's start when that is later
  -h, --help             this help

exit: 0 printed, 1 invalid roles or an unknown person, 2 usage error`;

/** `rolecall packet ID`: what a hire gets and does first, or what a leaver loses. */
export const packetCommand: Command = {
  name: ['packet'],
  summary: "a hire's (or leaver's) access packet in Markdown: access with its duties, on-call dates, first steps",
  usage,
  options: { 'as-of': { type: 'string' } },
  load: () => (require('./packet-run') as typeof import('./packet-run')).runPacket,
};
