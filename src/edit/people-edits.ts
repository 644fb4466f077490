import type { PersonFile } from '../schema';
import { isMap, isScalar, isSeq, LineCounter, parse, parseDocument, stringify, type Node, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * Edits of people.yaml as text: the bytes outside the edited entry stay exactly as written (comments,
 * blank lines, quoting, order), and each result is parsed again and compared with the data the edit
 * means before it is returned. Pure: the caller checks the whole organisation and writes the file.
 */

/** A new entry, as `onboard` takes it: the fields people.yaml requires. */
export type NewPerson = Readonly<Pick<PersonFile, 'id' | 'name' | 'email' | 'github' | 'roles' | 'start'>>;

/** The edited text, or why people.yaml cannot be edited this way (positioned in the original text). */
export type EditResult =
  | { readonly text: string }
  | { readonly error: { readonly line: number; readonly column: number; readonly message: string; readonly hint?: string } };

interface Entries {
  readonly seq: YAMLSeq;
  readonly lines: LineCounter;
  readonly items: readonly { readonly map: YAMLMap; readonly id: unknown; readonly dashLine: number }[];
}

/** Appends a person after the last entry, in the entries' own layout. */
export function addPerson(text: string, person: NewPerson): EditResult {
  const found = entries(text);
  if ('error' in found) return found;
  const { seq, items } = found;
  const last = items[items.length - 1];
  const lineStarts = lineStartsOf(text);
  let indent = '  ';
  let flowRoles = true;
  let separator = '';
  let at: number;
  if (last) {
    indent = ' '.repeat(columnOf(text, lineStarts, last.dashLine));
    const roles = last.map.get('roles', true) as Node | undefined;
    flowRoles = isSeq(roles) ? roles.flow === true : true;
    // Entries separated by a blank line get one more; the line after the one before the last tells.
    const previous = items[items.length - 2];
    if (previous && /^\s*$/.test(lineText(text, lineStarts, lineOf(found.lines, contentEnd(previous.map)) + 1))) separator = '\n';
    at = endOfLines(text, lineStarts, lineOf(found.lines, contentEnd(last.map)));
  } else {
    // `people: []` or an empty list: the entry replaces the empty flow list, or goes under the key.
    if (seq.flow) return refuse(found.lines, seq, 'people is written as a one-line list: write the first entry by hand, as a block list');
    at = endOfLines(text, lineStarts, lineOf(found.lines, seq.range?.[0] ?? text.length));
  }
  const field = (key: string, value: string): string => `${indent}  ${key}: ${scalar(value)}\n`;
  const roles = flowRoles
    ? `${indent}  roles: [${person.roles.map(scalar).join(', ')}]\n`
    : `${indent}  roles:\n${person.roles.map((role) => `${indent}    - ${scalar(role)}\n`).join('')}`;
  const entry =
    `${separator}${indent}- id: ${scalar(person.id)}\n` +
    field('name', person.name) +
    field('email', person.email) +
    field('github', person.github) +
    roles +
    field('start', person.start);
  const prefix = text.slice(0, at);
  const edited = `${prefix}${prefix.endsWith('\n') || prefix === '' ? '' : '\n'}${entry}${text.slice(at)}`;
  return verified(text, edited, (people) => [...people, { ...person, roles: [...person.roles] }]);
}

/** Sets (or replaces) a person's `end` date, on the line after `start`. */
export function setEnd(text: string, id: string, end: string): EditResult {
  const found = entries(text);
  if ('error' in found) return found;
  const item = found.items.find((entry) => entry.id === id);
  if (!item)
    return {
      error: {
        line: 1,
        column: 1,
        message: `no person with id ${JSON.stringify(id)} in people.yaml`,
        hint: 'ids are the `id:` of each entry',
      },
    };
  const lineStarts = lineStartsOf(text);
  const current = item.map.get('end', true) as Node | undefined;
  let edited: string;
  if (current?.range) {
    edited = `${text.slice(0, current.range[0])}${scalar(end)}${text.slice(current.range[1])}`;
  } else {
    const start = item.map.items.find((pair) => isScalar(pair.key) && pair.key.value === 'start');
    const keyNode = start?.key as Node | undefined;
    const anchor = (start?.value as Node | undefined)?.range?.[1] ?? contentEnd(item.map);
    const keyLine = lineOf(found.lines, keyNode?.range?.[0] ?? item.map.range?.[0] ?? 0);
    const indent = ' '.repeat(columnOf(text, lineStarts, keyLine, true));
    const at = endOfLines(text, lineStarts, lineOf(found.lines, anchor));
    const prefix = text.slice(0, at);
    edited = `${prefix}${prefix.endsWith('\n') ? '' : '\n'}${indent}end: ${scalar(end)}\n${text.slice(at)}`;
  }
  return verified(text, edited, (people) => people.map((person) => (person['id'] === id ? withEnd(person, end) : person)));
}

/** Deletes the entries of `ids`, each with the comment lines right above it. */
export function removePeople(text: string, ids: ReadonlySet<string>): EditResult {
  const found = entries(text);
  if ('error' in found) return found;
  const lineStarts = lineStartsOf(text);
  const cuts: [number, number][] = [];
  for (const [index, item] of found.items.entries()) {
    if (typeof item.id !== 'string' || !ids.has(item.id)) continue;
    let first = item.dashLine;
    while (first > 1 && /^\s*#/.test(lineText(text, lineStarts, first - 1))) first -= 1;
    let last = lineOf(found.lines, contentEnd(item.map));
    // The blank line after it goes too when one is before it (or it is the first entry), so the rest
    // keep their spacing.
    const blankBefore = index === 0 || /^\s*$/.test(lineText(text, lineStarts, first - 1));
    if (blankBefore && /^\s*$/.test(lineText(text, lineStarts, last + 1)) && last + 1 < lineStarts.length) last += 1;
    cuts.push([lineStarts[first - 1] ?? 0, endOfLines(text, lineStarts, last)]);
  }
  let edited = text;
  for (const [from, to] of cuts.reverse()) edited = `${edited.slice(0, from)}${edited.slice(to)}`;
  return verified(text, edited, (people) => people.filter((person) => !ids.has(String(person['id']))));
}

function entries(text: string): Entries | { error: { line: number; column: number; message: string; hint?: string } } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const problem = doc.errors[0];
  if (problem) {
    const { line, col } = lines.linePos(problem.pos[0]);
    return {
      error: {
        line,
        column: col,
        message: `invalid YAML: ${problem.message.split('\n')[0] ?? ''}`,
        hint: 'run `rolecall validate` and fix people.yaml first',
      },
    };
  }
  const seq = isMap(doc.contents) ? doc.contents.get('people', true) : undefined;
  if (!isSeq(seq))
    return {
      error: {
        line: 1,
        column: 1,
        message: 'people.yaml has no `people:` list',
        hint: 'run `rolecall validate` and fix people.yaml first',
      },
    };
  const items: Entries['items'][number][] = [];
  for (const item of seq.items) {
    if (!isMap(item) || item.flow) return refuse(lines, item as Node, 'an entry is not a block mapping: edit it by hand, one key per line');
    const dash = text.lastIndexOf('-', item.range?.[0] ?? 0);
    items.push({ map: item, id: item.get('id'), dashLine: lines.linePos(dash).line });
  }
  return { seq, lines, items };
}

function refuse(
  lines: LineCounter,
  node: Node | null | undefined,
  message: string,
): { error: { line: number; column: number; message: string; hint: string } } {
  const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
  return { error: { line, column: col, message, hint: 'rolecall edits block YAML only, so that nothing else in the file changes' } };
}

/**
 * Parses the edited text and checks that it holds exactly the data the edit means, and the original's
 * data everywhere else: the text edits are checked against the YAML parser, never trusted.
 */
function verified(
  original: string,
  edited: string,
  expected: (people: Record<string, unknown>[]) => Record<string, unknown>[],
): EditResult {
  const before = parse(original) as Record<string, unknown>;
  const after = parse(edited) as Record<string, unknown> | null;
  const want = { ...before, people: expected((before['people'] ?? []) as Record<string, unknown>[]) };
  if (after === null || canonical(after) !== canonical(want)) {
    return {
      error: {
        line: 1,
        column: 1,
        message: 'people.yaml is laid out in a way rolecall cannot edit without touching other entries',
        hint: 'make the change by hand, then run `rolecall validate`',
      },
    };
  }
  return { text: edited };
}

/** JSON with object keys sorted: the same data, whatever order the keys were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function withEnd(person: Record<string, unknown>, end: string): Record<string, unknown> {
  return { ...person, end };
}

/**
 * A value written on one line so that YAML reads it back as exactly this string: plain or quoted as the
 * `yaml` package writes it when that reads back the same (it does not, for one, for a trailing space
 * after some characters), else as a double-quoted JSON string, which YAML reads the same way.
 */
function scalar(value: string): string {
  const written = stringify(value, { lineWidth: 0 }).trimEnd();
  return !written.includes('\n') && parse(written) === value ? written : JSON.stringify(value);
}

/** The offset just past the last character of a map's content (not its trailing comments or blank lines). */
function contentEnd(map: YAMLMap): number {
  return map.range?.[1] ?? 0;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

function lineOf(lines: LineCounter, offset: number): number {
  return lines.linePos(Math.max(0, offset - 1)).line;
}

function lineText(text: string, starts: readonly number[], line: number): string {
  if (line < 1 || line > starts.length) return '';
  return text.slice(starts[line - 1], (starts[line] ?? text.length + 1) - 1);
}

/** The offset after line `line` and its newline. */
function endOfLines(text: string, starts: readonly number[], line: number): number {
  return starts[line] ?? text.length;
}

/** The column (0-based) of the `-` on a line, or of its first non-space character when `key`. */
function columnOf(text: string, starts: readonly number[], line: number, key = false): number {
  const content = lineText(text, starts, line);
  return key ? content.search(/\S/) : Math.max(0, content.indexOf('-'));
}
