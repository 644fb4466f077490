import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { MAX_YAML_ALIAS_COUNT } from '../../../src/jd/yaml-limits';
import { parsePlainYaml } from '../../../src/load/plain-yaml';
import { plainOffset } from '../../../src/load/plain-yaml-position';

/** The offset the `yaml` document gives for a path: the lookup YamlSource does on its slow path. */
function documentOffset(doc: Document.Parsed, path: readonly (string | number)[], want: 'key' | 'value'): number {
  let current: unknown = doc.contents;
  let found = doc.contents as Node | null | undefined;
  path.forEach((part, index) => {
    if (current === undefined) return;
    if (isMap(current)) {
      const pair = current.items.find((item: Pair) => isScalar(item.key) && String(item.key.value) === String(part));
      if (!pair) return (current = undefined);
      const next = index === path.length - 1 && want === 'key' ? pair.key : (pair.value ?? pair.key);
      current = next;
      found = (next as Node | null) ?? found;
    } else if (isSeq(current) && typeof part === 'number') {
      current = current.items[part];
      if (current !== undefined) found = current as Node;
    } else current = undefined;
  });
  return found?.range?.[0] ?? 0;
}

/** Every path of the data, and a missing child of each. */
function pathsOf(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path, [...path, 'missing-key'], [...path, 9999]);
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...path, index], out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], out);
  return out;
}

/** Fails unless the fast reader declines `text` or agrees with the `yaml` package on data and every position. */
function expectAgreement(text: string): boolean {
  const plain = parsePlainYaml(text);
  if (!plain) return false;
  const doc = parseDocument(text, { uniqueKeys: true, strict: true, prettyErrors: false });
  expect(doc.errors.map((error) => error.message)).toEqual([]);
  expect(plain.data).toStrictEqual(doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT }));
  for (const path of pathsOf(plain.data)) {
    for (const want of ['key', 'value'] as const) {
      expect([path, want, plainOffset(plain.root, path, want)]).toEqual([path, want, documentOffset(doc, path, want)]);
    }
  }
  return true;
}

const GOOD_WORDS = [
  'abc',
  'a b',
  'Zoë Ångström',
  "it's",
  'a:b',
  'arn:aws:iam::aws:policy/ReadOnlyAccess',
  '14:00',
  '2014-06-03',
  'a#b',
  'a, b',
  'x.y',
  '"a#b"',
  "'a''b'",
  '[a, b]',
  '[a,b]',
  '[]',
  '["*", b]',
  'x # comment',
  '&a1 x',
  '*a1',
];
const TRICKY_WORDS = [
  '12',
  '-3',
  '0x1F',
  '0o17',
  '1e3',
  '.5',
  '.inf',
  '.NaN',
  '~',
  'null',
  'Null',
  'true',
  'FALSE',
  'yes',
  'on',
  'a: b',
  'a:',
  'a #b',
  '-a',
  '- a',
  '?x',
  ':x',
  '"q"',
  '"a\\"b"',
  '"a#b"',
  "'s'",
  "'a''b'",
  "'a",
  '"a',
  '[a, b]',
  '[a,b]',
  '[ ]',
  '[]',
  '[a, ]',
  '["*", b]',
  "['a''b']",
  '[a: b]',
  '[a:b]',
  '[[a]]',
  '{a: b}',
  '[a] x',
  '[a] # c',
  '&a1 x',
  '&a1 [p, q]',
  '*a1',
  '*zz',
  '& x',
  '!tag x',
  '|',
  '>-',
  '%x',
  '@x',
  '`x',
  'x # comment',
  'x  ',
  '',
];
const word = fc.oneof({ arbitrary: fc.constantFrom(...GOOD_WORDS), weight: 8 }, { arbitrary: fc.constantFrom(...TRICKY_WORDS), weight: 1 });
const key = fc.oneof(
  { arbitrary: fc.constantFrom('id', 'name', 'roles', 'aws:SourceIp', 'a-b', 'x.y', 'k2'), weight: 8 },
  { arbitrary: fc.constantFrom('null', 'True', '__proto__', 'k:', '1', 'b c', '"q"'), weight: 1 },
);

type Tree = { kind: 'scalar'; word: string } | { kind: 'map'; entries: [string, Tree][] } | { kind: 'seq'; items: Tree[] };
const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('scalar' as const), word }),
    fc.record({ kind: fc.constant('map' as const), entries: fc.array(fc.tuple(key, tie('tree')), { minLength: 1, maxLength: 4 }) }),
    fc.record({ kind: fc.constant('seq' as const), items: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }) }),
  ),
})).tree;
const style = fc.record({
  indent: fc.constantFrom(1, 2, 4),
  compactSeq: fc.boolean(),
  dashSpaces: fc.constantFrom(1, 1, 3),
  comments: fc.boolean(),
});

type Style = { indent: number; compactSeq: boolean; dashSpaces: number; comments: boolean };

/** Block YAML for a tree, with the chosen indentation and styles. */
function render(node: Tree, indent: number, s: Style): string[] {
  const pad = ' '.repeat(indent);
  if (node.kind === 'map') {
    return node.entries.flatMap(([key, value]) => {
      if (value.kind === 'scalar') return [`${pad}${key}: ${value.word}`];
      const childIndent = value.kind === 'seq' && s.compactSeq ? indent : indent + s.indent;
      return [`${pad}${key}:${s.comments ? '  # note' : ''}`, ...render(value, childIndent, s)];
    });
  }
  if (node.kind === 'seq') {
    return node.items.flatMap((item) => {
      const dash = `${pad}-${' '.repeat(s.dashSpaces)}`;
      if (item.kind === 'scalar') return [`${dash}${item.word}`];
      if (item.kind === 'seq') return [`${pad}-`, ...render(item, indent + s.indent, s)];
      const lines = render(item, indent + 1 + s.dashSpaces, s);
      return [`${dash}${(lines[0] ?? '').trimStart()}`, ...lines.slice(1), ...(s.comments ? ['# between items'] : [])];
    });
  }
  return [`${pad}${node.word}`];
}

describe('parsePlainYaml', () => {
  it('agrees with the yaml package on data and positions, or declines', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(key, tree), { minLength: 1, maxLength: 4 }), style, (entries, s) => {
        const text = `${render({ kind: 'map', entries }, 0, s).join('\n')}\n`;
        if (expectAgreement(text)) accepted += 1;
      }),
      { numRuns: 1500 },
    );
    // The test means something only if the reader accepts a good share of what it is given.
    expect(accepted).toBeGreaterThan(100);
  });

  it('agrees with the yaml package after any one character is changed, inserted or removed', () => {
    const base =
      'people:\n  - id: ana\n    name: Ana Lima  # lead\n    roles: [sre, "ops"]\n\n  - id: bo\n    roles:\n    - x\n    start: 2024-01-02\nother: &a1 v\nagain: *a1\n';
    expect(expectAgreement(base)).toBe(true);
    const chars = [' ', '-', ':', '#', '"', "'", '[', ']', ',', '&', '*', '\n', 'a', '1', '\t', '|', '{'];
    fc.assert(
      fc.property(fc.nat(base.length), fc.constantFrom(...chars), fc.constantFrom('insert', 'replace', 'remove'), (at, char, how) => {
        const text =
          how === 'insert'
            ? base.slice(0, at) + char + base.slice(at)
            : how === 'replace'
              ? base.slice(0, at) + char + base.slice(at + 1)
              : base.slice(0, at) + base.slice(at + 1);
        expectAgreement(text);
      }),
      { numRuns: 1500 },
    );
  });

  it('agrees with the yaml package on every YAML file of the example org and the fixtures', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? files(join(dir, entry.name)) : /\.ya?ml$/.test(entry.name) ? [join(dir, entry.name)] : [],
      );
    const all = [...files(join(__dirname, '../../../roles')), ...files(join(__dirname, '../../fixtures'))];
    for (const file of all) expectAgreement(readFileSync(file, 'utf8'));
  });

  it('reads a people file as plain data', () => {
    const text = '# staff\npeople:\n  - id: ana\n    roles: [sre]\n  - id: bo\n    roles: []\n';
    expect(parsePlainYaml(text)?.data).toEqual({
      people: [
        { id: 'ana', roles: ['sre'] },
        { id: 'bo', roles: [] },
      ],
    });
  });

  it.each([
    [
      'an alias repeated past the alias limit',
      `a: &x v\n${Array.from({ length: MAX_YAML_ALIAS_COUNT + 1 }, (_, index) => `k${index}: *x`).join('\n')}\n`,
    ],
    ['a duplicate key', 'a: 1x\na: 2x\n'],
    ['a carriage return', 'a: x\r\n'],
    ['a tab', 'a:\tx\n'],
    ['a byte-order mark', '\uFEFFa: x\n'],
    ['a document marker', '---\na: x\n'],
    ['a number', 'a: 12\n'],
    ['a block scalar', 'a: |\n  x\n'],
    ['a continued plain scalar', 'a: x\n  y\n'],
    ['an empty value', 'a:\nb: x\n'],
    ['a list at the root', '- a\n'],
    ['an empty file', '# nothing\n'],
  ])('declines %s', (_name, text) => {
    expect(parsePlainYaml(text)).toBeUndefined();
  });
});
