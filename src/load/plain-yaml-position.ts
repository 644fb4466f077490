import { lineAt } from '../jd/source-position';
import type { PlainNode } from './plain-yaml';

/**
 * Offset of the value (or key) at `path`, or of the nearest parent that exists: the same node the
 * `yaml` package's document would give (a mapping's first key, a list's first item marker).
 */
export function plainOffset(root: PlainNode, path: readonly (string | number)[], want: 'key' | 'value'): number {
  let current: PlainNode | undefined = root;
  let found = root.at;
  for (let index = 0; index < path.length && current; index += 1) {
    const part = path[index];
    if (current.entries) {
      const entry = current.entries.get(String(part));
      if (!entry) break;
      const isKey = index === path.length - 1 && want === 'key';
      found = isKey ? entry.keyAt : entry.value.at;
      current = isKey ? undefined : entry.value;
    } else if (current.items && typeof part === 'number') {
      current = current.items[part];
      if (current) found = current.at;
    } else {
      break;
    }
  }
  return found;
}

/** 1-based line and column of `offset`, from the offsets where lines start. */
export function plainPosition(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  const line = lineAt(lineStarts, offset);
  return { line, column: offset - (lineStarts[line - 1] ?? 0) + 1 };
}
