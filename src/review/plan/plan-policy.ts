import { compareText } from '../../util/compare-text';
import { isObject } from './read-plan';

/**
 * The statements of an IAM policy document as comparable lines, one per (effect, action, resource,
 * condition): `Allow s3:GetObject on arn:aws:s3:::logs/*`. Actions are lower-cased, as IAM compares them;
 * `NotAction` and `NotResource` are written out as such. `undefined` when the text is not a policy
 * document (then the caller shows it as changed, without detail).
 */
export function policyLines(text: unknown): ReadonlySet<string> | undefined {
  if (typeof text !== 'string' || text === '') return typeof text === 'string' ? new Set() : undefined;
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(document)) return undefined;
  const raw = document['Statement'];
  const statements = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const lines = new Set<string>();
  for (const statement of statements) {
    if (!isObject(statement)) return undefined;
    const effect = statement['Effect'] === 'Deny' ? 'Deny' : 'Allow';
    const actions = [
      ...list(statement['Action']).map((action) => action.toLowerCase()),
      ...list(statement['NotAction']).map((action) => `every action but ${action.toLowerCase()}`),
    ];
    const resources = [
      ...list(statement['Resource']),
      ...list(statement['NotResource']).map((resource) => `every resource but ${resource}`),
    ];
    const condition = statement['Condition'] === undefined ? '' : ` if ${canonical(statement['Condition'])}`;
    for (const action of actions)
      for (const resource of resources.length ? resources : ['(no resource)']) lines.add(`${effect} ${action} on ${resource}${condition}`);
  }
  return lines;
}

/** What one policy document allows or denies that the other does not: `+ …` and `- …` lines, sorted. */
export function policyDelta(before: unknown, after: unknown): string[] | undefined {
  const from = policyLines(before ?? '');
  const to = policyLines(after ?? '');
  if (from === undefined || to === undefined) return undefined;
  const added = [...to].filter((line) => !from.has(line)).sort(compareText);
  const removed = [...from].filter((line) => !to.has(line)).sort(compareText);
  return [...removed.map((line) => `- ${line}`), ...added.map((line) => `+ ${line}`)];
}

function list(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** JSON with object keys sorted, so that two spellings of one condition compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort(compareText)
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}
