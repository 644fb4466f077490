import type { Problem } from '../../load/problem';
import type { Located } from '../../load/roles-bundle';
import { closest } from '../../util/closest';

/**
 * The problem for an id that names nothing known, at `path` inside `located`:
 * `unknown person "amara-okafr" (known: …)`, with a did-you-mean hint when one is close.
 */
export function unknownReference(
  located: Located<unknown>,
  path: readonly (string | number)[],
  what: string,
  id: string,
  known: readonly string[],
): Problem {
  const suggestion = closest(id, known);
  const hint = suggestion ? `did you mean "${suggestion}"?` : undefined;
  const list = known.length ? ` (known: ${abbreviate(known)})` : '';
  return located.source.problem([...located.path, ...path], `unknown ${what} "${id}"${list}`, hint);
}

function abbreviate(list: readonly string[]): string {
  const sorted = [...list].sort();
  return sorted.length > 8 ? `${sorted.slice(0, 8).join(', ')}, …` : sorted.join(', ');
}
