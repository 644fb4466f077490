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
  it('fails when more people than the limit lose access who are also a large share, listing them, and the variable lets it through', async () => {
    repo.edit('org.yaml', /^oncall:/m, 'guards:\n  massRemoval: { people: 2, percent: 10 }\noncall:');
    repo.commit('a strict guard');
    for (const id of ['priya-raman', 'fatima-haddad', 'chidi-eze']) expect((await offboard(id)).code).toBe(0);
    const refused = await check();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^3 of 9 active people lose access \(33\.3 %\); a mass removal is more than 2 people and more than 10 %: this is one\n/,
    );
    expect(refused.stderr).toContain('  priya-raman: no longer active (ended); ');
    expect(refused.stderr).toContain('mass removal: refused; if it is intended, run again with ROLECALL_ALLOW_MASS_REMOVAL=1');
    // The three leave their rotation empty: that refusal has its own variable.
    const massOnly = await check({ ROLECALL_ALLOW_MASS_REMOVAL: '1' });
    expect(massOnly.code).toBe(1);
    expect(massOnly.stdout).toContain('mass removal: allowed by ROLECALL_ALLOW_MASS_REMOVAL=1');
    expect(massOnly.stderr).toContain('rotation left short: refused');
    expect((await check({ ROLECALL_ALLOW_MASS_REMOVAL: '1', ROLECALL_ALLOW_SHORT_ROTATION: '1' })).code).toBe(0);
  });

  it('passes one leaver with the default guards, and a change that only adds access', async () => {
    expect((await offboard('priya-raman')).code).toBe(0);
    const within = await check();
    expect(within).toMatchObject({ code: 0, stderr: '' });
    expect(within.stdout).toMatch(
      /^1 of 9 active people lose access \(11\.1 %\); a mass removal is more than 5 people and more than 10 %: within the guard\n {2}priya-raman: /,
    );
    repo.write('people.yaml', repo.read('people.yaml').replace('    end: 2026-11-01\n', ''));
    expect((await check()).stdout).toMatch(/^0 of 9 active people lose access/);
  });

  it('never counts one leaver as a mass removal, however strict the guard', async () => {
    repo.edit('org.yaml', /^oncall:/m, 'guards:\n  massRemoval: { people: 0, percent: 0 }\noncall:');
    repo.commit('the strictest guard');
    expect((await offboard('priya-raman')).code).toBe(0);
    expect((await check()).code).toBe(0);
    expect((await offboard('hana-suzuki')).code).toBe(0);
    expect((await check()).stderr).toContain('a mass removal is more than 1 people and more than 0 %: this is one');
  });

  it('judges by the stricter guard: a change cannot loosen its own', async () => {
    repo.edit('org.yaml', /^oncall:/m, 'guards:\n  massRemoval: { people: 2, percent: 10 }\noncall:');
    repo.commit('a strict guard');
    repo.edit('org.yaml', 'massRemoval: { people: 2, percent: 10 }', 'massRemoval: { people: 100, percent: 100 }');
    for (const id of ['priya-raman', 'fatima-haddad', 'chidi-eze']) expect((await offboard(id)).code).toBe(0);
    const result = await check();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('a mass removal is more than 2 people and more than 10 %');
  });

  it('keeps break-glass capabilities with two holders and rotations at their minimum, each unless its own variable allows it', async () => {
    repo.edit('org.yaml', /^oncall:/m, 'guards:\n  massRemoval: { people: 50, percent: 100 }\n  breakGlass: [oncall-database]\noncall:');
    repo.commit('oncall-database is break-glass');
    expect((await offboard('mateo-alvarez')).code).toBe(0);
    const one = await check();
    expect(one.code).toBe(1);
    expect(one.stderr).toContain(
      'rotation database-oncall is left with 1 active member (noor-siddiqui; before: mateo-alvarez, noor-siddiqui); guards.rotationMinMembers is 2\n',
    );
    expect(one.stderr).not.toContain('break-glass capability');
    expect((await offboard('noor-siddiqui')).code).toBe(0);
    const two = await check();
    expect(two.stderr).toContain(
      'break-glass capability oncall-database is left with 1 active holder (amara-okafor; before: amara-okafor, mateo-alvarez, noor-siddiqui); at least 2 must hold it\n',
    );
    expect(two.stderr).toContain('rotation database-oncall is left with 0 active members (nobody; before: mateo-alvarez, noor-siddiqui)');
    expect(two.stderr).toContain('rotation left short: refused; if it is intended, run again with ROLECALL_ALLOW_SHORT_ROTATION=1');
    expect(two.stderr).toContain(
      'break-glass left short: refused; if it is intended, run again with ROLECALL_ALLOW_BREAK_GLASS_SHORTFALL=1',
    );
    expect((await check({ ROLECALL_ALLOW_MASS_REMOVAL: '1' })).code).toBe(1);
    expect((await check({ ROLECALL_ALLOW_SHORT_ROTATION: '1' })).code).toBe(1);
    const both = await check({ ROLECALL_ALLOW_SHORT_ROTATION: '1', ROLECALL_ALLOW_BREAK_GLASS_SHORTFALL: '1' });
    expect(both.code).toBe(0);
    expect(both.stdout).toContain('rotation left short: allowed by ROLECALL_ALLOW_SHORT_ROTATION=1');
  });

  it('refuses more GitHub invitations in one deploy than the daily limit, saying how to stage them', async () => {
    repo.edit('org.yaml', /^oncall:/m, 'guards:\n  githubInvitationsPerDay: 2\noncall:');
    repo.commit('a small invitation limit');
    const onboard = (id: string, start: string) =>
      runCli(
        [
          'onboard',
          '--id',
          id,
          '--name',
          id,
          '--email',
          `${id}@northwindlabs.example`,
          '--github',
          id,
          '--role',
          'software-engineer',
          '--start',
          start,
          '--roles',
          'roles',
        ],
        { cwd: repo.dir },
      );
    for (const id of ['new-a', 'new-b', 'new-c']) expect((await onboard(id, '2027-02-01')).code).toBe(0);
    const crowded = await check();
    expect(crowded.code).toBe(1);
    expect(crowded.stderr).toContain(
      'GitHub invitations: the deploy on 2027-02-01 would invite 3 people, over guards.githubInvitationsPerDay (2)',
    );
    expect(crowded.stderr).toContain('Stage it: start 1 of them on later days (new-c), at most 2 a day');
    repo.write('people.yaml', repo.read('people.yaml').replace(/(id: new-c[\s\S]*?start: )2027-02-01/, '$12027-02-02'));
    expect(await check()).toMatchObject({ code: 0, stderr: '' });
  });
});
