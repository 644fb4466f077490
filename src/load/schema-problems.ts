import type { z } from 'zod';
import type { Problem } from './problem';
import { formatPath, type DataPath, type YamlSource } from './yaml-source';
import { closest } from '../util/closest';
import { findUnsafeChar } from '../util/safe-text';

/** The outcome of checking a parsed file: the typed value when valid, and every problem found. */
export interface Checked<T> {
  readonly value?: T;
  readonly problems: readonly Problem[];
}

/** Checks a YAML source against a zod schema and maps each issue to the line and column it is about. */
export function checkSource<S extends z.ZodType>(source: YamlSource, schema: S): Checked<z.output<S>> {
  if (source.syntaxProblems.length) return { problems: source.syntaxProblems };
  const data: unknown = source.data ?? {};
  const known = typeof data === 'object' && data !== null ? checkedValues.get(schema) : undefined;
  if (known?.has(data as object)) return { value: known.get(data as object) as z.output<S>, problems: [] };
  const unsafe = unsafeTextProblems(source);
  const result = schema.safeParse(data);
  if (result.success) {
    if (unsafe.length === 0 && typeof data === 'object' && data !== null) remember(schema, data, result.data);
    return { value: result.data, problems: unsafe };
  }
  const problems = result.error.issues.flatMap((issue) => issueProblems(source, schema, issue));
  return { problems: [...unsafe, ...problems] };
}

// Values of data that passed, by schema and data object: a file two revisions share is read into one
// data object (see YamlSource), and then checked once. Only problem-free results are kept, since
// problems name the file they were found in.
const checkedValues = new WeakMap<z.ZodType, WeakMap<object, unknown>>();

function remember(schema: z.ZodType, data: object, value: unknown): void {
  let byData = checkedValues.get(schema);
  if (!byData) checkedValues.set(schema, (byData = new WeakMap()));
  byData.set(data, value);
}

/**
 * Every key and string value holding a control or bidirectional character, whatever its field: names,
 * titles, descriptions, reasons and quotes reach terminals and pull-request reviews, where such a
 * character can hide or reorder what a reviewer reads (U+202E, ANSI escapes).
 */
export function unsafeTextProblems(source: YamlSource): Problem[] {
  const problems: Problem[] = [];
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'string') {
      const found = findUnsafeChar(value);
      if (found) problems.push(source.problem(path, unsafeMessage(found), UNSAFE_HINT));
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index]));
    } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      for (const [key, item] of Object.entries(value)) {
        const found = findUnsafeChar(key);
        if (found) {
          const { line, column } = source.locateKey([...path, key]);
          const where = formatPath(path);
          problems.push({
            severity: 'error',
            file: source.file,
            line,
            column,
            message: `${where ? `${where}: ` : ''}key ${unsafeMessage(found)}`,
            hint: UNSAFE_HINT,
          });
        }
        visit(item, [...path, key]);
      }
    }
  };
  visit(source.data, []);
  return problems;
}

const UNSAFE_HINT = 'remove it: such characters can hide or reorder text in a terminal or a review';

function unsafeMessage(found: { readonly codePoint: string; readonly kind: string; readonly index: number }): string {
  return `contains the ${found.kind} ${found.codePoint} at character ${found.index + 1}`;
}

function issueProblems(source: YamlSource, schema: z.ZodType, issue: z.core.$ZodIssue): Problem[] {
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const allowed = objectKeysAt(schema, path);
    return issue.keys.map((key) => {
      const { line, column } = source.locateKey([...path, key]);
      const suggestion = closest(key, allowed);
      const hint = suggestion ? `did you mean "${suggestion}"?` : allowed.length ? `allowed: ${allowed.join(', ')}` : undefined;
      const where = formatPath([...path, key]);
      return { severity: 'error', file: source.file, line, column, message: `${where}: unknown key`, hint } satisfies Problem;
    });
  }
  if (issue.code === 'invalid_union') {
    // A union (e.g. `risk`) reports one branch's issues per alternative: show the closest branch's.
    // Branches that took the value's type (an object for an object branch) say what is wrong inside it;
    // `{ level: high, accepted: … }` must not be answered with the string branch's "expected low|medium|high".
    const branches = issue.errors.filter((branch) => branch.length > 0);
    const fitting = branches.filter((branch) => !branch.some(isWholeValueMismatch));
    const best = (fitting.length ? fitting : branches).sort((a, b) => a.length - b.length)[0];
    const wrongType = best?.length === 1 && best[0]?.code === 'invalid_type' && best[0].path.length === 0;
    if (best && !wrongType) {
      return best.flatMap((inner) => issueProblems(source, schema, { ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue));
    }
  }
  const missing = issue.code === 'invalid_type' && valueAt(source.data, path) === undefined;
  if (missing) {
    const key = path[path.length - 1];
    return [source.problem(path.slice(0, -1), `missing required key "${String(key)}"`)];
  }
  return [source.problem(path, describeIssue(issue))];
}

/** True when a union branch rejected the value as a whole: wrong type, or not one of its literals. */
function isWholeValueMismatch(issue: z.core.$ZodIssue): boolean {
  return issue.path.length === 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_value');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const message = issue.message.replace(/^Invalid input: /, '').replace(/^Invalid option: /, '');
  return message.charAt(0).toLowerCase() + message.slice(1).replace(/\.$/, '');
}

function valueAt(data: unknown, path: DataPath): unknown {
  let current: unknown = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

interface SchemaDef {
  readonly type?: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly element?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly out?: z.ZodType;
  readonly in?: z.ZodType;
}

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/** The keys a strict object at `path` allows, walking through arrays, defaults, optionals and unions. */
function objectKeysAt(schema: z.ZodType, path: DataPath): string[] {
  const keys = new Set<string>();
  const visit = (node: z.ZodType, rest: DataPath): void => {
    const def = defOf(node);
    if (def.innerType) return visit(def.innerType, rest);
    if (def.type === 'pipe' && def.in && def.out) return visit(defOf(def.in).type === 'transform' ? def.out : def.in, rest);
    if (def.options) return def.options.forEach((option) => visit(option, rest));
    if (rest.length === 0) {
      if (def.shape) Object.keys(def.shape).forEach((key) => keys.add(key));
      return;
    }
    const [head, ...tail] = rest;
    if (def.shape && typeof head === 'string' && def.shape[head]) return visit(def.shape[head], tail);
    if (def.element && typeof head === 'number') return visit(def.element, tail);
    if (def.valueType) return visit(def.valueType, tail);
  };
  visit(schema, path);
  return [...keys].sort();
}
