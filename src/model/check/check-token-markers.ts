import type { Problem } from '../../load/problem';
import type { Located, RolesBundle } from '../../load/roles-bundle';
import { isTokenNumber, tokenMarkerIn } from '../layout/token-markers';

/**
 * Refuses cdktf token markers anywhere in the roles files: every string (and every map key) of every
 * entry that passed its schema is searched, so no field can be forgotten, today or when one is added.
 * Interpolations (`${…}`, `%{…}`) are not refused: they are legitimate text (an IAM policy variable, a
 * title) and every rendered string escapes them; a token marker cannot be escaped, since cdktf resolves
 * it wherever it appears in a string. Pure.
 */
export function checkTokenMarkers(bundle: RolesBundle): Problem[] {
  const located: Located<unknown>[] = [
    ...(bundle.org ? [bundle.org] : []),
    ...bundle.rotations,
    ...bundle.capabilities,
    ...bundle.people,
    ...bundle.roles,
  ];
  const problems: Problem[] = [];
  for (const entry of located) {
    walk(entry.value, [...entry.path], (path, found) => {
      problems.push(
        entry.source.problem(
          path,
          found,
          'rolecall renders this text into Terraform, where cdktf would replace the marker by another value: remove it',
        ),
      );
    });
  }
  return problems;
}

type Visit = (path: (string | number)[], found: string) => void;

function walk(value: unknown, path: (string | number)[], visit: Visit): void {
  if (typeof value === 'string') {
    const marker = tokenMarkerIn(value);
    if (marker !== undefined) visit(path, `contains the cdktf token marker ${JSON.stringify(marker)}`);
  } else if (typeof value === 'number') {
    if (isTokenNumber(value)) visit(path, `the number ${value} is a cdktf token encoding`);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, [...path, index], visit));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const marker = tokenMarkerIn(key);
      if (marker !== undefined) visit([...path, key], `key contains the cdktf token marker ${JSON.stringify(marker)}`);
      walk(item, [...path, key], visit);
    }
  }
}
