import { readPagerdutyUsers } from '../../../../src/audit/sources';
import { brief, json, lineOf, withoutFrom } from './source-helpers';

const ADA = {
  id: 'PADA',
  type: 'user',
  name: 'Ada',
  email: 'ada@example.com',
  time_zone: 'Europe/London',
  role: 'user',
  contact_methods: [],
};
const BOB = { id: 'PBOB', type: 'user', name: 'Bob', email: 'bob@example.com', role: 'limited_user' };
const page = (users: unknown[], offset: number, more: boolean) => ({ users, limit: 1, offset, total: null, more });

describe('readPagerdutyUsers', () => {
  it('reads a page of GET /users', () => {
    const text = json(page([BOB, ADA], 0, false));
    const read = readPagerdutyUsers('pd.json', text);
    expect(read.problems).toEqual([]);
    expect(read.source).toEqual({ kind: 'pagerduty-users', file: 'pd.json', scope: 'PagerDuty: 2 users' });
    expect(read.actual?.pagerduty.users).toEqual([
      { id: 'PADA', email: 'ada@example.com', name: 'Ada', from: { file: 'pd.json', line: lineOf(text, '"PADA"') - 1 } },
      { id: 'PBOB', email: 'bob@example.com', name: 'Bob', from: { file: 'pd.json', line: lineOf(text, '"PBOB"') - 1 } },
    ]);
  });

  it.each([
    ['a list of pages', [page([ADA], 0, true), page([BOB], 1, false)]],
    ['a list of pages in another order', [page([BOB], 1, false), page([ADA], 0, false)]],
    ['a plain list of users', [BOB, ADA]],
    ['a list of user lists', [[ADA], [BOB]]],
  ])('reads %s to the same users', (_name, data) => {
    const read = readPagerdutyUsers('pd.json', json(data));
    expect(read.problems).toEqual([]);
    expect(withoutFrom(read.actual)).toEqual(withoutFrom(readPagerdutyUsers('pd.json', json(page([ADA, BOB], 0, false))).actual));
  });

  it('warns when the last page says there are more', () => {
    const text = json([page([ADA], 0, true), page([BOB], 1, true)]);
    const read = readPagerdutyUsers('pd.json', text);
    expect(read.actual?.pagerduty.users).toHaveLength(2);
    expect(brief(read.problems)).toEqual([
      `pd.json:${lineOf(text, '"more": true\n  },\n  {') + 15}:13: warning: more: true on the last page: users are missing`,
    ]);
  });

  it.each([
    ['the file is not JSON', 'users: []', ['pd.json:1:1: not JSON: expected a value (object, array, string, number, true, false or null)']],
    [
      'the document is a string',
      '"users"',
      ['pd.json:1:1: the document: expected a page of GET /users, a list of pages or a list of users, not the string "users"'],
    ],
    ['a page has no users', '{ "limit": 25 }', ['pd.json:1:1: the document: missing required key "users" (expected a list)']],
    [
      'a user has no e-mail',
      '{\n  "users": [\n    { "id": "P1", "name": "Ada" }\n  ]\n}',
      ['pd.json:3:5: users[0]: missing required key "email" (expected a string)'],
    ],
  ])('fails when %s', (_name, text, expected) => {
    const read = readPagerdutyUsers('pd.json', text);
    expect(brief(read.problems)).toEqual(expected);
    expect(read.problems.every((problem) => problem.hint?.includes('GET /users'))).toBe(true);
  });
});
