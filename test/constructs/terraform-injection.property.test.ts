import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isScalar, parseDocument, visit, type Scalar } from 'yaml';
import { hasErrors } from '../../src/load/problem';
import { loadModel } from '../../src/pipeline/load-model';
import { liveTemplates } from '../../src/constructs/terraform-literal';
import { tokenMarkerIn } from '../../src/model/layout/token-markers';
import { copyRoles } from '../helpers/roles-dir';
import { synthApp } from '../helpers/synth-app';

const AS_OF = '2026-11-22';
const FILES = ['org.yaml', 'people.yaml', 'capabilities.yaml', 'operator.yaml', 'developer.yaml'] as const;

/** Interpolations, directives, escapes and cdktf token markers, as a pull request could write them. */
const PAYLOAD = fc.oneof(
  fc.constantFrom(
    '${file("/etc/passwd")}',
    '${TfToken[TOKEN.1]}',
    '${TfToken[TOKEN.3]}',
    '#{TfToken[TOKEN.2]}',
    '&{TfToken[TOKEN.4]}',
    '${Token[TOKEN.9]}',
    '$${not.live}',
    '$$${aws:username}',
    '%{ if true }x%{ endif }',
    '%%{ escaped }',
    '${var.secret}',
    '${aws_iam_group.operator.name}',
    '${path.root}',
    '${',
    '%{',
  ),
  fc
    .tuple(fc.constantFrom('${', '%{', '$${', '#{', '&{'), fc.string({ maxLength: 12 }), fc.constantFrom('}', ']}', ''))
    .map((parts) => parts.join('')),
);

/** Where the payload goes: which string scalar (counted over all files), and how. */
const INJECTION = fc.record({
  file: fc.constantFrom(...FILES),
  scalar: fc.nat(),
  how: fc.constantFrom('replace', 'prefix', 'suffix'),
  payload: PAYLOAD,
  identityCenter: fc.boolean(),
  sharded: fc.boolean(),
});

type Injection = {
  file: (typeof FILES)[number];
  scalar: number;
  how: 'replace' | 'prefix' | 'suffix';
  payload: string;
  identityCenter: boolean;
  /** Synthesized into people shards too: their literal group names, lookups and team slugs come from the YAML. */
  sharded: boolean;
};

/** Every string value (not key) of a YAML document, in document order. */
function stringScalars(text: string): { doc: ReturnType<typeof parseDocument>; scalars: Scalar[] } {
  const doc = parseDocument(text);
  const scalars: Scalar[] = [];
  visit(doc, {
    Scalar(key, node) {
      if (key !== 'key' && isScalar(node) && typeof node.value === 'string') scalars.push(node);
    },
  });
  return { doc, scalars };
}

const outcomes = { refused: 0, rendered: 0 };

function check(injection: Injection): void {
  const copy = copyRoles();
  try {
    if (injection.identityCenter) copy.edit('org.yaml', 'mode: iam-groups', 'mode: identity-center');
    const path = join(copy.dir, injection.file);
    const { doc, scalars } = stringScalars(readFileSync(path, 'utf8'));
    const target = scalars[injection.scalar % scalars.length];
    if (!target) return;
    const before = String(target.value);
    target.value =
      injection.how === 'replace'
        ? injection.payload
        : injection.how === 'prefix'
          ? `${injection.payload}${before}`
          : `${before}${injection.payload}`;
    writeFileSync(path, doc.toString());

    const loaded = loadModel(copy.dir, AS_OF, 'roles');
    if (hasErrors(loaded.problems) || !loaded.model) {
      // Refused: every problem is positioned in a roles file.
      for (const problem of loaded.problems) {
        expect(problem.file).toMatch(/^roles\//);
        expect(problem.line).toBeGreaterThan(0);
        expect(problem.column).toBeGreaterThan(0);
      }
      outcomes.refused += 1;
      return;
    }
    // Accepted: it held no token marker, and no stack holds a live template or a token.
    expect(tokenMarkerIn(String(target.value))).toBeUndefined();
    const state = loaded.bundle.org?.value.state ?? { backend: 'local' as const, directory: 'terraform-state' };
    const stacks = injection.sharded ? { stacks: { maxResources: 1_000, shards: 2 } } : {};
    for (const [stack, text] of synthApp(loaded.model, { state, ...stacks }).files) {
      expect({ stack, live: liveTemplates(JSON.parse(text)) }).toEqual({ stack, live: [] });
      expect(text).not.toMatch(/TfToken|Token\[/);
    }
    outcomes.rendered += 1;
  } finally {
    copy.remove();
  }
}

describe('interpolations and tokens injected into any string field of the valid fixture', () => {
  it('are refused with positioned problems, or rendered only escaped and never resolved', () => {
    fc.assert(fc.property(INJECTION, check), {
      numRuns: 100,
      examples: [
        // A role title (the hostile title of issue 8), a person name, and a token in a duty quote.
        [{ file: 'operator.yaml', scalar: 1, how: 'replace', payload: '${TfToken[TOKEN.3]}', identityCenter: false, sharded: false }],
        [{ file: 'operator.yaml', scalar: 1, how: 'suffix', payload: '${file("/etc/passwd")}', identityCenter: true, sharded: false }],
        [{ file: 'people.yaml', scalar: 0, how: 'suffix', payload: '%{ if true }x%{ endif }', identityCenter: true, sharded: false }],
        [{ file: 'capabilities.yaml', scalar: 1, how: 'prefix', payload: '$$${aws:username}', identityCenter: false, sharded: false }],
        // A person's name in an Identity Center people shard, and a role title beside literal group names.
        [{ file: 'people.yaml', scalar: 0, how: 'suffix', payload: '${file("/etc/passwd")}', identityCenter: true, sharded: true }],
        [{ file: 'operator.yaml', scalar: 1, how: 'suffix', payload: '%{ if true }x%{ endif }', identityCenter: false, sharded: true }],
      ],
    });
    // Both branches ran: a generator that only ever broke the fixture would prove nothing.
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.rendered).toBeGreaterThan(4);
  });
});
