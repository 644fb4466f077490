import type { Problem } from '../../../../src/load/problem';

/** Pretty JSON, as the AWS CLI, gh and Terraform write it: one value per line, so positions are easy to name. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The 1-based line of the first occurrence of `needle` in `text` (the test fails loudly when it is absent). */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} is not in the text`);
  return text.slice(0, at).split('\n').length;
}

/** A value with every `from` removed: the same facts read from a reordered file differ only in their lines. */
export function withoutFrom(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutFrom);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'from')
        .map(([key, item]) => [key, withoutFrom(item)]),
    );
  }
  return value;
}

/** Problems as `line:column: message` (with `warning:` for warnings), for terse assertions. */
export function brief(problems: readonly Problem[]): string[] {
  return problems.map(
    (problem) =>
      `${problem.file}:${problem.line}:${problem.column}: ${problem.severity === 'warning' ? 'warning: ' : ''}${problem.message}`,
  );
}

/** A copy with the list at each key reversed (a shallow walk of objects). */
export function reversed<T>(value: T, keys: readonly string[]): T {
  if (Array.isArray(value)) return value.map((item: unknown) => reversed(item, keys)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        keys.includes(key) && Array.isArray(item)
          ? [...item].reverse().map((entry: unknown) => reversed(entry, keys))
          : reversed(item, keys),
      ]),
    ) as T;
  }
  return value;
}
