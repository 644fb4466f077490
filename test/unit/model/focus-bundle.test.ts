import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOrg, writeOrg } from '../../../bench/generate-org';
import { explainPerson, explainRole } from '../../../src/cli/format-explain';
import { personEntry, roleEntry } from '../../../src/model/build/person-access';
import type { AccessModel } from '../../../src/model/types';
import { loadModel } from '../../../src/pipeline/load-model';
import { EXAMPLE_ROLES } from '../../helpers/roles-dir';

/** What `explain ID` prints from a model, text and JSON, or undefined when the model lacks the id. */
function explained(model: AccessModel | undefined, id: string): string | undefined {
  const person = model?.people.find((candidate) => candidate.id === id);
  const role = model?.roles.find((candidate) => candidate.id === id);
  if (!model || (!person && !role)) return undefined;
  return person
    ? `${explainPerson(model, person)}${JSON.stringify(personEntry(model, person))}`
    : `${role ? explainRole(model, role) : ''}${JSON.stringify(roleEntry(role))}`;
}

/** Every person and role of a directory is explained the same from its focused model as from the whole one. */
function expectSameExplanations(dir: string, asOf: string): number {
  const whole = loadModel(dir, asOf, 'roles');
  expect(whole.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  const ids = [...(whole.model?.people ?? []).map((person) => person.id), ...(whole.model?.roles ?? []).map((role) => role.id)];
  for (const id of ids) {
    const focused = loadModel(dir, asOf, 'roles', { focus: id });
    expect(focused.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect([id, explained(focused.model, id)]).toEqual([id, explained(whole.model, id)]);
    // A focused model holds fewer people than the whole one for anybody not in every rotation.
    expect(focused.model?.people.length).toBeLessThanOrEqual(whole.model?.people.length ?? 0);
  }
  return ids.length;
}

describe('focusBundle: explaining one person or role from what their access depends on', () => {
  it.each(['2026-03-02', '2026-06-01', '2026-11-22'])(
    'explains every person and role of the example org as the whole model does, as of %s',
    (asOf) => {
      expect(expectSameExplanations(EXAMPLE_ROLES, asOf)).toBeGreaterThan(10);
    },
  );

  it('explains every person and role of a generated organisation as the whole model does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolecall-focus-'));
    try {
      writeOrg(generateOrg({ people: 60, asOf: '2026-03-02', seed: 7 }), dir);
      expect(expectSameExplanations(dir, '2026-03-02')).toBeGreaterThan(60);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('loads everything for an id that names nobody, so a suggestion can be made', () => {
    const whole = loadModel(EXAMPLE_ROLES, '2026-03-02', 'roles');
    const unknown = loadModel(EXAMPLE_ROLES, '2026-03-02', 'roles', { focus: 'nobody-at-all' });
    expect(unknown.model?.people.map((person) => person.id)).toEqual(whole.model?.people.map((person) => person.id));
  });

  it('still refuses a directory whose files break their schema, wherever the mistake is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolecall-focus-'));
    try {
      const org = generateOrg({ people: 60, asOf: '2026-03-02', seed: 7 });
      const files = new Map(org.files);
      const other =
        [...files.keys()].find((path) => path.endsWith('.yaml') && !['org.yaml', 'people.yaml', 'capabilities.yaml'].includes(path)) ?? '';
      files.set(other, `${files.get(other) ?? ''}\nunknownKey: true\n`);
      writeOrg({ ...org, files }, dir);
      const focused = loadModel(dir, '2026-03-02', 'roles', { focus: org.samplePerson });
      expect(focused.model).toBeUndefined();
      expect(focused.problems.some((problem) => problem.file.endsWith(other) && problem.message.includes('unknown key'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
