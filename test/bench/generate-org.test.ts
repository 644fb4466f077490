/**
 * The benchmark's organisation generator: deterministic, accepted by rolecall as it is, and of the shape
 * the benchmark promises (bench/org-shape.ts). A small organisation keeps this test to a few seconds; the
 * shape rules are the same at every size.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { oneLineChange } from '../../bench/diff-repo';
import { generateOrg, writeOrg, type GeneratedOrg } from '../../bench/generate-org';
import { MAX_ROTATION_PEOPLE, orgShape } from '../../bench/org-shape';
import { loadModel, type LoadedModel } from '../../src/pipeline/load-model';

const AS_OF = '2026-03-02';
const PEOPLE = 200;

let org: GeneratedOrg;
let loaded: LoadedModel;
let dir: string;

beforeAll(() => {
  org = generateOrg({ people: PEOPLE, asOf: AS_OF, seed: 7 });
  dir = mkdtempSync(join(tmpdir(), 'rolecall-bench-'));
  writeOrg(org, join(dir, 'roles'));
  loaded = loadModel(join(dir, 'roles'), AS_OF);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const errors = () => loaded.problems.filter((problem) => problem.severity === 'error');
const warnings = () => loaded.problems.filter((problem) => problem.severity === 'warning');

describe('generateOrg', () => {
  it('gives byte-identical files for the same options', () => {
    const again = generateOrg({ people: PEOPLE, asOf: AS_OF, seed: 7 });
    expect([...again.files.keys()]).toEqual([...org.files.keys()]);
    for (const [path, text] of org.files) expect(again.files.get(path)).toBe(text);
  });

  it('gives another organisation for another seed', () => {
    const other = generateOrg({ people: PEOPLE, asOf: AS_OF, seed: 8 });
    expect(other.files.get('people.yaml')).not.toBe(org.files.get('people.yaml'));
  });

  it('writes every file rolecall reads: org, capabilities, people, and a role file and JD per role', () => {
    const shape = orgShape(PEOPLE);
    const paths = [...org.files.keys()];
    expect(paths).toEqual(expect.arrayContaining(['org.yaml', 'capabilities.yaml', 'people.yaml']));
    expect(paths.filter((path) => path.startsWith('jd/') && path.endsWith('.md'))).toHaveLength(shape.roles);
    expect(paths.filter((path) => !path.includes('/') && !['org.yaml', 'capabilities.yaml', 'people.yaml'].includes(path))).toHaveLength(
      shape.roles,
    );
  });

  it('loads through loadModel without an error', () => {
    expect(errors()).toEqual([]);
    expect(loaded.model).toBeDefined();
  });

  it('loads without a warning', () => {
    expect(warnings()).toEqual([]);
  });

  it('has the counts of its shape', () => {
    const shape = orgShape(PEOPLE);
    expect(loaded.bundle.people).toHaveLength(PEOPLE);
    expect(loaded.bundle.roles).toHaveLength(shape.roles);
    expect(loaded.bundle.capabilities).toHaveLength(shape.capabilities);
    expect(loaded.bundle.rotations).toHaveLength(shape.rotations);
    expect(loaded.model?.people.filter((person) => person.status === 'active')).toHaveLength(shape.active);
    expect(org.shape).toEqual(shape);
  });

  it('gives every person one or two roles', () => {
    for (const person of loaded.bundle.people) expect([1, 2]).toContain(person.value.roles.length);
  });

  it('keeps every rotation between one and 28 people on the date', () => {
    const sizes = loaded.model?.oncall.rotations.map((rotation) => rotation.members.length) ?? [];
    expect(sizes).toHaveLength(orgShape(PEOPLE).rotations);
    for (const size of sizes) {
      expect(size).toBeGreaterThan(0);
      expect(size).toBeLessThanOrEqual(MAX_ROTATION_PEOPLE);
    }
  });

  it('names the repositories of its shape', () => {
    const capabilities = (
      parse(org.files.get('capabilities.yaml') ?? '') as { capabilities: { github?: { repositories?: { name: string }[] } }[] }
    ).capabilities;
    const repositories = new Set(
      capabilities.flatMap((capability) => capability.github?.repositories?.map((repository) => repository.name) ?? []),
    );
    expect(repositories.size).toBe(orgShape(PEOPLE).repositories);
  });

  it('picks an active person with two roles to explain', () => {
    const person = loaded.model?.people.find((candidate) => candidate.id === org.samplePerson);
    expect(person?.status).toBe('active');
    expect(loaded.bundle.people.find((candidate) => candidate.value.id === org.samplePerson)?.value.roles).toHaveLength(2);
  });
});

describe('the one-line change diff measures', () => {
  it('gives one person one more role, on one line, and the organisation stays valid', () => {
    const before = org.files.get('people.yaml') ?? '';
    const after = oneLineChange(before);
    const changed = after.split('\n').filter((line, index) => line !== before.split('\n')[index]);
    expect(after.split('\n')).toHaveLength(before.split('\n').length);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/^\s+roles: \[([a-z0-9-]+), (?!\1\])[a-z0-9-]+\]$/);
    const copy = join(dir, 'changed');
    writeOrg(org, copy);
    writeFileSync(join(copy, 'people.yaml'), after);
    expect(loadModel(copy, AS_OF).problems).toEqual([]);
  });
});

describe('orgShape', () => {
  it.each([
    [10_000, { active: 9_691, roles: 300, capabilities: 406, repositories: 2_000, rotations: 50 }],
    [1_000, { active: 969, roles: 30, capabilities: 41, repositories: 200, rotations: 5 }],
  ])('scales %i people to the reference shape', (people, expected) => {
    expect(orgShape(people)).toMatchObject(expected);
  });

  it('fails when asked for fewer than 50 people', () => {
    expect(() => orgShape(10)).toThrow('at least 50 people');
  });
});
