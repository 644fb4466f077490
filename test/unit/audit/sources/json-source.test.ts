import { z } from 'zod';
import { checkShape, displayPath, listItems, pointer, readJson } from '../../../../src/audit/sources/json-source';
import { policyText } from '../../../../src/audit/sources/iam-values';
import { brief } from './source-helpers';

describe('json-source', () => {
  it.each([
    ['a flat list', [1, 2], ['/0', '/1']],
    ['pages', [[1], [], [2, 3]], ['/0/0', '/2/0', '/2/1']],
    ['an empty list', [], []],
    ['a list of one empty page', [[]], []],
  ])('lists the items of %s with their pointers', (_name, value, pointers) => {
    expect(listItems(value, '')?.map((item) => item.at)).toEqual(pointers);
  });

  it('says a value that is no list is none', () => {
    expect(listItems({ users: [] }, '')).toBeUndefined();
  });

  it.each([
    ['', 'the document'],
    ['/UserDetailList/0/UserName', 'UserDetailList[0].UserName'],
    [pointer(['arn:aws:iam::1:group/a~b', 'JobStatus']), '["arn:aws:iam::1:group/a~b"].JobStatus'],
    ['/0/3/login', '[0][3].login'],
  ])('names the pointer %j as %s', (at, shown) => {
    expect(displayPath(at)).toBe(shown);
  });

  it('positions every zod issue at its value, or at the object missing the key', () => {
    const text = '{\n  "a": [\n    { "b": "x", "c": 1 },\n    { "c": "y" }\n  ]\n}';
    const read = readJson('f.json', text, 'hint');
    const source = read.source;
    if (!source) throw new Error('not read');
    const schema = z.object({ a: z.array(z.object({ b: z.string(), c: z.number() })) });
    expect(brief(checkShape(source, '', source.data, schema, 'hint').problems)).toEqual([
      'f.json:4:5: a[1]: missing required key "b" (expected a string)',
      'f.json:4:12: a[1].c: expected a number, not the string "y"',
    ]);
  });

  it('reads a file that starts with a byte-order mark, positions unchanged', () => {
    const read = readJson('f.json', '\uFEFF{"a": tru}', 'hint');
    expect(brief(read.problems)).toEqual(['f.json:1:8: not JSON: expected a value (object, array, string, number, true, false or null)']);
    expect(readJson('f.json', '\uFEFF{"a": true}', 'hint').source?.data).toEqual({ a: true });
  });

  it('refuses nesting deeper than the scanner reads, as a problem', () => {
    expect(brief(readJson('f.json', '['.repeat(100), 'hint').problems)[0]).toMatch(
      /^f\.json:1:65: JSON nested too deep: expected at most 64 levels/,
    );
  });

  it.each([
    ['an object', { Version: '2012-10-17' }, '{"Version":"2012-10-17"}'],
    ['URL-encoded JSON', '%7B%22Version%22%3A%20%222012-10-17%22%7D', '{"Version":"2012-10-17"}'],
    [
      'JSON text with a % in it',
      '{"Condition": {"StringLike": {"s3:prefix": "100%25"}}}',
      '{"Condition":{"StringLike":{"s3:prefix":"100%25"}}}',
    ],
    ['text that is no JSON', '%7Bnot', undefined],
    ['a number', 7, undefined],
  ])('gives a policy document given as %s as compact JSON', (_name, document, expected) => {
    expect(policyText(document)).toBe(expected);
  });
});
