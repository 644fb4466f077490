import type { Command } from '../command';

const usage = `usage: rolecall schema [--out DIR] [NAME]

Writes the JSON Schemas of the roles files (org, capabilities, people, role), generated from the
same zod schemas that validate them, as DIR/<name>.schema.json (default DIR: ./schema). Example
files point editors at them with a first line such as
  # yaml-language-server: $schema=../schema/people.schema.json
With NAME, prints that one schema on stdout instead.

options:
  --out DIR    directory to write to (default: ./schema)
  -h, --help   this help

exit: 0 written, 2 usage error`;

/** `rolecall schema`: JSON Schemas for editors. */
export const schemaCommand: Command = {
  name: ['schema'],
  summary: 'write JSON Schemas of the roles files, for editor completion and checks',
  usage,
  options: { out: { type: 'string' } },
  load: () => (require('./schema-run') as typeof import('./schema-run')).runSchema,
};
