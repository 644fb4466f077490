import { z } from 'zod';
import type { Problem } from '../../load/problem';
import { compareText } from '../../util/compare-text';
import type { ActualPagerdutyUser } from '../actual';
import { checkItems, checkShape, describeValue, isRecord, listItems, readJson, type Located, type SourceRead } from './json-source';

const HINT =
  'give the output of PagerDuty GET /users (`curl -H "Authorization: Token token=…" "https://api.pagerduty.com/users?limit=100&offset=…"`): one page, a list of every page, or a list of users';

const Page = z.object({ users: z.array(z.unknown()), more: z.boolean().optional() });
const User = z.object({ id: z.string().min(1), name: z.string().default(''), email: z.string() });

/** PagerDuty facts: https://developer.pagerduty.com/api-reference/c96e889522dd6-list-users */
export interface PagerdutyFacts {
  readonly pagerduty: { readonly users: ActualPagerdutyUser[] };
}

/**
 * Reads PagerDuty users from the REST API v2 GET /users: a page (`{users, limit, offset, more}`), a list
 * of pages, or a plain list of users. `more: true` on the last page means users are missing: a warning.
 * https://developer.pagerduty.com/api-reference/c96e889522dd6-list-users
 */
export function readPagerdutyUsers(file: string, text: string): SourceRead<PagerdutyFacts> {
  const read = readJson(file, text, HINT);
  if (!read.source) return { problems: read.problems };
  const source = read.source;
  const data = source.data;
  const problems: Problem[] = [];
  const isPage = (value: unknown): boolean => isRecord(value) && 'users' in value;
  let pages: Located[];
  let items: Located[] = [];
  if (isRecord(data)) pages = [{ value: data, at: '' }];
  else if (Array.isArray(data) && data.length > 0 && data.every(isPage))
    pages = data.map((value: unknown, index) => ({ value, at: `/${index}` }));
  else if (Array.isArray(data)) {
    pages = [];
    items = listItems(data, '') ?? [];
  } else {
    return {
      problems: [
        source.problem(
          '',
          `the document: expected a page of GET /users, a list of pages or a list of users, not ${describeValue(data)}`,
          HINT,
        ),
      ],
    };
  }
  pages.forEach((page, index) => {
    const checked = checkShape(source, page.at, page.value, Page, HINT);
    problems.push(...checked.problems);
    if (!checked.value) return;
    items.push(...(listItems(checked.value.users, `${page.at}/users`) ?? []));
    if (checked.value.more === true && index === pages.length - 1) {
      problems.push(
        source.problem(
          `${page.at}/more`,
          'more: true on the last page: users are missing',
          'fetch every page (offset=0, 100, 200, … until more is false) and give them all as a list of pages',
          'warning',
        ),
      );
    }
  });
  const users = checkItems(source, items, User, HINT, problems).map(({ value, at }) => ({
    id: value.id,
    email: value.email,
    name: value.name,
    from: source.ref(at),
  }));
  return {
    actual: {
      pagerduty: { users: users.sort((a, b) => compareText(a.email, b.email) || compareText(a.id, b.id) || a.from.line - b.from.line) },
    },
    source: { kind: 'pagerduty-users', file, scope: `PagerDuty: ${users.length} ${users.length === 1 ? 'user' : 'users'}` },
    problems,
  };
}
