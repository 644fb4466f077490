import type { Problem } from '../load/problem';
import type { Located } from '../load/roles-bundle';
import { closest } from '../util/closest';

/**
 * The problem of a reference to an id that does not exist, at `path` of `located`: the known ids (at
 * most eight) and the closest one as a did-you-mean, as `checkBundle` reports them.
 */
export function unknownReference(located: Located<unknown>, path: readonly (string | number)[], what: string, id: string, known: readonly string[]): Problem {
  const suggestion = closest(id, known);
  const sorted = [...known].sort();
  const list = sorted.length > 8 ? `${sorted.slice(0, 8).join(', ')}, …` : sorted.join(', ');
  return located.source.problem(
    [...located.path, ...path],
    `unknown ${what} "${id}"${list ? ` (known: ${list})` : ''}`,
    suggestion ? `did you mean "${suggestion}"?` : undefined,
  );
}
