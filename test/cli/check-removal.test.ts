import { rolesRepo, type RolesRepo } from '../helpers/git-roles-repo';
import { runCli } from '../helpers/run-cli';

/** `rolecall check-removal`: a change that takes access from many people fails unless allowed. */
let repo: RolesRepo;
beforeEach(() => {
  repo = rolesRepo();
});
afterEach(() => repo.remove());

const check = (env: Record<string, string> = {}) => runCli(['check-removal', '--base', 'HEAD'], { cwd: repo.dir, env });
const offboard = (id: string) => runCli(['offboard', id, '--on', '2026-11-01', '--roles', 'roles'], { cwd: repo.dir });

describe('rolecall check-removal', () => {
  it('fails when a third of the people lose access, listing them, and the variable lets it through', async () => {
    for (const id of ['priya-raman', 'mateo-alvarez', 'chidi-eze']) expect((await offboard(id)).code).toBe(0);
    const refused = await check();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^3 of 9 active people lose access \(33\.3 %\); the limit is 5 people and 10 %: over it\n/);
    expect(refused.stderr).toContain('  priya-raman: no longer active (ended); ');
    expect(refused.stderr).toContain('ROLECALL_ALLOW_MASS_REMOVAL=1');
    const allowed = await check({ ROLECALL_ALLOW_MASS_REMOVAL: '1' });
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('over it, allowed by ROLECALL_ALLOW_MASS_REMOVAL=1');
  });

  it('passes a change within the limit, and one that only adds access', async () => {
    repo.edit('org.yaml', /^oncall:/m, 'guards:\n  massRemoval:\n    people: 5\n    percent: 50\noncall:');
    repo.commit('a looser guard');
    expect((await offboard('priya-raman')).code).toBe(0);
    const within = await check();
    expect(within).toMatchObject({ code: 0, stderr: '' });
    expect(within.stdout).toMatch(/^1 of 9 active people lose access \(11\.1 %\); the limit is 5 people and 50 %: within it\n {2}priya-raman: /);
    repo.write('people.yaml', repo.read('people.yaml').replace('    end: 2026-11-01\n', ''));
    expect((await check()).stdout).toMatch(/^0 of 9 active people lose access/);
  });

  it('judges by the stricter guard: a change cannot loosen its own', async () => {
    repo.edit('org.yaml', /^oncall:/m, 'guards:\n  massRemoval:\n    people: 100\n    percent: 100\noncall:');
    for (const id of ['priya-raman', 'mateo-alvarez', 'chidi-eze']) expect((await offboard(id)).code).toBe(0);
    const result = await check();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the limit is 5 people and 10 %');
  });
});
