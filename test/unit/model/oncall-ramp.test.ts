import { loadModel } from '../../../src/pipeline/load-model';
import { copyRoles, EXAMPLE_ROLES, type RolesCopy } from '../../helpers/roles-dir';

/** Ramp-up: a hire joins a rotation `rampDays` after their start, and sits in its shadow meanwhile. */
const AS_OF = '2026-11-22';
const day = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

let copy: RolesCopy;
beforeEach(() => {
  copy = copyRoles(EXAMPLE_ROLES);
  copy.edit(
    'capabilities.yaml',
    '  - id: platform-primary\n    name: Platform primary\n',
    '  - id: platform-primary\n    name: Platform primary\n    shadow: platform-shadow\n  - id: platform-shadow\n    name: Platform primary, shadowing\n    rampDays: 0\n',
  );
});
afterEach(() => copy.remove());

const hireStarting = (start: string) =>
  copy.edit(
    'people.yaml',
    /\s*$/,
    `\n  - id: new-sre\n    name: New SRE\n    email: new.sre@northwindlabs.example\n    github: new-sre\n    roles: [site-reliability-engineer]\n    start: ${start}\n`,
  );
const membersOn = (asOf: string) => {
  const loaded = loadModel(copy.dir, asOf, 'roles');
  if (!loaded.model) throw new Error(`test setup: ${JSON.stringify(loaded.problems)}`);
  return Object.fromEntries(loaded.model.oncall.rotations.map((rotation) => [rotation.id, rotation.members]));
};

describe('ramp-up', () => {
  it('keeps a hire out of the rotation for 28 days, in its shadow meanwhile, then in the rotation only', () => {
    hireStarting(day(AS_OF, -10));
    const ramping = membersOn(AS_OF);
    expect(ramping['platform-primary']).not.toContain('new-sre');
    expect(ramping['platform-shadow']).toEqual(['new-sre']);
    const ramped = membersOn(day(AS_OF, 18));
    expect(ramped['platform-primary']).toContain('new-sre');
    expect(ramped['platform-shadow']).toBeUndefined();
    expect(membersOn(day(AS_OF, 17))['platform-primary']).not.toContain('new-sre');
  });

  it('takes rampDays from the rotation, 0 for none', () => {
    copy.edit('capabilities.yaml', '    shadow: platform-shadow\n', '    shadow: platform-shadow\n    rampDays: 0\n');
    hireStarting(AS_OF);
    expect(membersOn(AS_OF)['platform-primary']).toContain('new-sre');
    expect(membersOn(AS_OF)['platform-shadow']).toBeUndefined();
  });

  it('refuses a shadow that is no rotation, or the rotation itself, where it is written', () => {
    copy.edit('capabilities.yaml', 'shadow: platform-shadow', 'shadow: platform-shaddow');
    const problems = loadModel(copy.dir, AS_OF, 'roles').problems.map((problem) => `${problem.line}: ${problem.message}`);
    expect(problems).toContainEqual(expect.stringMatching(/^20: rotations\[0\]\.shadow: unknown rotation "platform-shaddow"/));
    copy.edit('capabilities.yaml', 'shadow: platform-shaddow', 'shadow: platform-primary');
    expect(loadModel(copy.dir, AS_OF, 'roles').problems.map((problem) => problem.message)).toContainEqual(
      expect.stringContaining('a rotation cannot shadow itself'),
    );
  });
});
