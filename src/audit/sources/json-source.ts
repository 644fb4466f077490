import type { z } from 'zod';
import { scanJson, type JsonOffsets } from '../../jd/scan-json';
import { lineAt, positionAt, type SourcePosition } from '../../jd/source-position';
import type { Problem } from '../../load/problem';
import type { SourceRef } from '../../model/types';
import type { ActualAccess, SourceInfo } from '../actual';

/**
 * What an export reduces to, by kind: the facts of actual.ts without the list of sources. A reader sets
 * only the kinds its source covers. (JSON: https://www.rfc-editor.org/rfc/rfc8259)
 */
export type ActualFacts = Omit<ActualAccess, 'sources'>;

/** What every reader returns: its facts when it could read them, the source read, and every problem found (formats: see each reader). */
export interface SourceRead<T extends ActualFacts> {
  readonly actual?: T;
  readonly source?: SourceInfo;
  readonly problems: Problem[];
}

/** An export read as JSON: its value, and where each value starts, for positioned problems and evidence (https://www.rfc-editor.org/rfc/rfc8259). */
export interface JsonSource {
  readonly file: string;
  readonly data: unknown;
  /** `file:line` of the value at a JSON pointer (`/UserDetailList/0`), or of its nearest parent. */
  ref(pointer: string): SourceRef;
  /** A problem at the value of a JSON pointer (or its nearest parent). */
  problem(pointer: string, message: string, hint?: string, severity?: Problem['severity']): Problem;
}

/** An item of a list, with the JSON pointer (https://www.rfc-editor.org/rfc/rfc6901) it was read at. */
export interface Located {
  readonly value: unknown;
  readonly at: string;
}

/** Parses an export (https://www.rfc-editor.org/rfc/rfc8259); a syntax error is a problem at its line and column, never a throw. */
export function readJson(file: string, text: string, hint: string): { source?: JsonSource; problems: Problem[] } {
  // A byte-order mark (PowerShell writes one) becomes a space: same length, so offsets still match the text.
  const body = text.startsWith('\uFEFF') ? ` ${text.slice(1)}` : text;
  const scan = scanJson(body);
  if (!scan.ok) {
    const message = scan.tooDeep ? `JSON nested too deep: expected ${scan.expected}` : `not JSON: expected ${scan.expected}`;
    return { problems: [{ severity: 'error', file, ...positionAt(body, Math.min(scan.offset, body.length)), message, hint }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return { problems: [{ severity: 'error', file, line: 1, column: 1, message: 'not JSON', hint }] };
  }
  return { source: jsonSource(file, body, data, scan.offsets), problems: [] };
}

function jsonSource(file: string, text: string, data: unknown, offsets: JsonOffsets): JsonSource {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  const positionOf = (pointer: string): SourcePosition => {
    let at = pointer;
    let offset = offsets.get(at);
    while (offset === undefined && at !== '') {
      at = at.slice(0, Math.max(0, at.lastIndexOf('/')));
      offset = offsets.get(at);
    }
    const line = lineAt(starts, offset ?? 0);
    return { line, column: (offset ?? 0) - (starts[line - 1] ?? 0) + 1 };
  };
  return {
    file,
    data,
    ref: (pointer) => ({ file, line: positionOf(pointer).line }),
    problem: (pointer, message, hint, severity = 'error') => ({
      severity,
      file,
      ...positionOf(pointer),
      message,
      ...(hint ? { hint } : {}),
    }),
  };
}

/** The JSON pointer (https://www.rfc-editor.org/rfc/rfc6901) of a path of keys and indexes, under `base`. */
export function pointer(path: readonly PropertyKey[], base = ''): string {
  return base + path.map((part) => `/${String(part).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** A JSON pointer as the data path messages name: `UserDetailList[0].UserName`, `["arn:aws:iam::…"].JobStatus` (https://www.rfc-editor.org/rfc/rfc6901). */
export function displayPath(at: string): string {
  if (at === '') return 'the document';
  const parts = at
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts
    .map((part, index) =>
      /^\d+$/.test(part) ? `[${part}]` : /^[A-Za-z_$][\w$-]*$/.test(part) ? `${index ? '.' : ''}${part}` : `[${JSON.stringify(part)}]`,
    )
    .join('');
}

/** True for a JSON object, not null and not a list (https://www.rfc-editor.org/rfc/rfc8259). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The items of a list given flat, or as pages (an array of arrays, as `gh api --paginate --slurp` writes,
 * https://cli.github.com/manual/gh_api), each with its JSON pointer; undefined when the value is not a list.
 */
export function listItems(value: unknown, at: string): Located[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list: unknown[] = value;
  if (list.length > 0 && list.every((page) => Array.isArray(page))) {
    return list.flatMap((page, pageIndex) =>
      Array.isArray(page) ? page.map((item: unknown, index) => ({ value: item, at: `${at}/${pageIndex}/${index}` })) : [],
    );
  }
  return list.map((item, index) => ({ value: item, at: `${at}/${index}` }));
}

/** The items of the list at `at`, flat or paged; a problem when it is something else. An absent list is empty. https://cli.github.com/manual/gh_api */
export function readList(source: JsonSource, value: unknown, at: string, hint: string, problems: Problem[]): Located[] {
  if (value === undefined) return [];
  const items = listItems(value, at);
  if (items === undefined) problems.push(source.problem(at, `${displayPath(at)}: expected a list, not ${describeValue(value)}`, hint));
  return items ?? [];
}

/** Checks a value against a zod schema (https://zod.dev/api): the parsed value, or one problem per issue, at the issue's value. */
export function checkShape<S extends z.ZodType>(
  source: JsonSource,
  at: string,
  value: unknown,
  schema: S,
  hint: string,
): { value?: z.output<S>; problems: Problem[] } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { value: parsed.data, problems: [] };
  return { problems: parsed.error.issues.map((issue) => issueProblem(source, at, value, issue, hint)) };
}

/** Checks every item of a list against a schema: the items that pass, with their pointers; a problem for each issue of the others (https://zod.dev/api). */
export function checkItems<S extends z.ZodType>(
  source: JsonSource,
  items: readonly Located[],
  schema: S,
  hint: string,
  problems: Problem[],
): { value: z.output<S>; at: string }[] {
  return items.flatMap((item) => {
    const checked = checkShape(source, item.at, item.value, schema, hint);
    problems.push(...checked.problems);
    return checked.value === undefined ? [] : [{ value: checked.value, at: item.at }];
  });
}

function issueProblem(source: JsonSource, base: string, value: unknown, issue: z.core.$ZodIssue, hint: string): Problem {
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  const at = pointer(path, base);
  const found = valueAt(value, path);
  if (issue.code === 'invalid_type' && found === undefined && path.length > 0) {
    const parent = pointer(path.slice(0, -1), base);
    return source.problem(
      parent,
      `${displayPath(parent)}: missing required key "${String(path[path.length - 1])}" (expected ${expectedName(issue.expected)})`,
      hint,
    );
  }
  return source.problem(at, `${displayPath(at)}: ${describeIssue(issue, found)}`, hint);
}

function describeIssue(issue: z.core.$ZodIssue, found: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${expectedName(issue.expected)}, not ${describeValue(found)}`;
    case 'invalid_value':
      return `expected ${issue.values.map((option) => JSON.stringify(option)).join(' or ')}, not ${describeValue(found)}`;
    case 'invalid_union': {
      const expected = issue.errors.flatMap((branch) =>
        branch.flatMap((inner) => (inner.code === 'invalid_type' && inner.path.length === 0 ? [expectedName(inner.expected)] : [])),
      );
      if (expected.length === issue.errors.length && expected.length > 0)
        return `expected ${expected.join(' or ')}, not ${describeValue(found)}`;
      break;
    }
    case 'too_small':
      if (issue.origin === 'string') return 'expected a non-empty string';
      break;
    default:
      break;
  }
  const message = issue.message.replace(/^Invalid (input|option): /, '').replace(/\.$/, '');
  return message.charAt(0).toLowerCase() + message.slice(1);
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

function expectedName(expected: string): string {
  return EXPECTED[expected] ?? expected;
}

/** A JSON value as a message names it: `the number 7`, `an object`, `null` (https://www.rfc-editor.org/rfc/rfc8259). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return 'nothing';
  }
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const part of path) {
    if (Array.isArray(current) && typeof part === 'number') current = current[part];
    else if (isRecord(current) && typeof part === 'string' && Object.prototype.hasOwnProperty.call(current, part)) current = current[part];
    else return undefined;
  }
  return current;
}
