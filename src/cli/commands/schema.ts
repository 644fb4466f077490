import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCommandArgs, stringOption } from '../args';
import type { Command } from '../command';
import { EXIT, UsageError, writing } from '../io';
import { jsonSchemas } from '../../schema/json-schema';

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
  run(argv, io) {
    const parsed = parseCommandArgs(argv, { out: { type: 'string' } }, usage);
    if (parsed.values.help) return (io.out(`${usage}\n`), EXIT.ok);
    const schemas = jsonSchemas();
    if (parsed.positionals.length > 1) throw new UsageError('expected at most one NAME', usage);
    const name = parsed.positionals[0];
    if (name !== undefined) {
      const schema = schemas[name];
      if (!schema) throw new UsageError(`unknown schema "${name}" (known: ${Object.keys(schemas).join(', ')})`, usage);
      io.out(schema);
      return EXIT.ok;
    }
    const shown = stringOption(parsed.values.out, 'schema');
    const out = resolve(io.cwd, shown);
    writing(shown, () => mkdirSync(out, { recursive: true }));
    for (const [key, text] of Object.entries(schemas)) {
      writing(join(shown, `${key}.schema.json`), () => writeFileSync(join(out, `${key}.schema.json`), text));
      io.out(`wrote ${join(shown, `${key}.schema.json`)}\n`);
    }
    return EXIT.ok;
  },
};
