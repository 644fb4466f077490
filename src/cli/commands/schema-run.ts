import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringOption, type Parsed } from '../args';
import { EXIT, UsageError, writing, type Io } from '../io';
import { jsonSchemas } from '../../schema/json-schema';
import { schemaCommand } from './schema';

const { usage } = schemaCommand;

/** Runs `rolecall schema` once its options are parsed and --help is answered. */
export function runSchema(parsed: Parsed, io: Io): number {
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
}
