import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AccessModel } from '../../src/model/types';
import { loadModel } from '../../src/pipeline/load-model';
import type { StateConfig } from '../../stacks/state-backend';
import { fixtureModel } from '../helpers/fixture-model';
import { copyRoles, EXAMPLE_ROLES, PROJECT_ROOT } from '../helpers/roles-dir';
import { synthApp } from '../helpers/synth-app';

/**
 * Without a `stacks:` block in org.yaml, rolecall synthesizes exactly what it did before sharding
 * existed: the same stacks, the same addresses, the same bytes. The digests in
 * test/fixtures/unsharded-synth.json were taken from the synthesis before sharding was written;
 * a change to the example org or the fixture (not to the renderer) is the only reason to retake them,
 * with ROLECALL_RETAKE_UNSHARDED=1, and the diff of that file is then reviewed like code.
 */

const SNAPSHOT = path.join(PROJECT_ROOT, 'test/fixtures/unsharded-synth.json');
const AS_OF = '2026-11-22';
// S3 state: a local state path is written relative to the output directory, which differs between machines.
const STATE: StateConfig = {
  backend: 's3',
  bucket: 'rolecall-state',
  keyPrefix: 'rolecall/',
  region: 'eu-west-1',
  encrypt: true,
  useLockfile: true,
};

type Digests = Record<string, Record<string, { sha256: string; bytes: number }>>;

function exampleOrg(mode: 'iam-groups' | 'identity-center'): AccessModel {
  const copy = copyRoles(EXAMPLE_ROLES);
  try {
    if (mode === 'identity-center') copy.edit('org.yaml', 'mode: iam-groups', 'mode: identity-center');
    const loaded = loadModel(copy.dir, AS_OF, 'roles');
    if (!loaded.model) throw new Error(`example org (${mode}) is invalid: ${loaded.problems.map((problem) => problem.message).join('; ')}`);
    return loaded.model;
  } finally {
    copy.remove();
  }
}

function digestsOf(model: AccessModel): Digests[string] {
  const files = synthApp(model, { state: STATE }).files;
  return Object.fromEntries(
    [...files.entries()].map(([stack, text]) => [
      stack,
      { sha256: createHash('sha256').update(text).digest('hex'), bytes: Buffer.byteLength(text) },
    ]),
  );
}

const cases: readonly (readonly [string, () => AccessModel])[] = [
  ['example org, iam-groups', () => exampleOrg('iam-groups')],
  ['example org, identity-center', () => exampleOrg('identity-center')],
  ['fixture, iam-groups, Incident Manager', () => fixtureModel()],
  ['fixture, identity-center, PagerDuty', () => fixtureModel({ awsMode: 'identity-center', oncallBackend: 'pagerduty' })],
];

describe('synthesis without a stacks: block', () => {
  const actual: Digests = Object.fromEntries(cases.map(([label, model]) => [label, digestsOf(model())]));

  if (process.env.ROLECALL_RETAKE_UNSHARDED === '1') {
    fs.writeFileSync(SNAPSHOT, `${JSON.stringify(actual, null, 2)}\n`);
  }
  const expected = JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8')) as Digests;

  it.each(cases.map(([label]) => label))('is byte-identical to the synthesis before sharding: %s', (label) => {
    expect(actual[label]).toEqual(expected[label]);
  });
});
