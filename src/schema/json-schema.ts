import { z } from 'zod';
import { CapabilitiesFileSchema } from './capabilities';
import { OrgFileSchema } from './org';
import { PeopleFileSchema } from './people';
import { RoleFileSchema } from './role';

/** The roles files' schemas by name, as the JSON Schema text editors read (input side: defaults optional). */
export function jsonSchemas(): Record<string, string> {
  const files = { org: OrgFileSchema, capabilities: CapabilitiesFileSchema, people: PeopleFileSchema, role: RoleFileSchema };
  const result: Record<string, string> = {};
  for (const [name, schema] of Object.entries(files)) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-7' });
    result[name] = `${JSON.stringify({ ...json, title: `rolecall ${name} file` }, null, 2)}\n`;
  }
  return result;
}
