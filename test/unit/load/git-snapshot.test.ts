import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitRevisionError, snapshotRolesDir } from '../../../src/load/git-snapshot';
import { rolesRepo, type RolesRepo } from '../../helpers/git-roles-repo';
import { VALID_FIXTURE } from '../../helpers/roles-dir';

let repo: RolesRepo;
let first: string;

beforeAll(() => {
  repo = rolesRepo(VALID_FIXTURE);
  first = repo.git('rev-parse', 'HEAD').trim();
  writeFileSync(join(repo.dir, 'outside.txt'), 'not part of the roles directory\n');
  mkdirSync(join(repo.dir, 'roles-old'));
  writeFileSync(join(repo.dir, 'roles-old', 'org.yaml'), 'name: old\n');
  symlinkSync('operator.md', join(repo.dir, 'roles', 'jd', 'ops.md'));
  symlinkSync('../../../../etc/passwd', join(repo.dir, 'roles', 'jd', 'escape.md'));
  repo.edit('people.yaml', 'Olga Ops', 'Olga Operator');
  repo.commit('second');
});

afterAll(() => repo.remove());

describe('snapshotRolesDir', () => {
  it('copies the roles directory as it is at a revision, and nothing beside it', () => {
    const snapshot = snapshotRolesDir({ cwd: repo.dir, rolesDir: 'roles', revision: first });
    try {
      expect(snapshot.commit).toBe(first);
      expect(readdirSync(snapshot.dir).sort()).toEqual(['capabilities.yaml', 'developer.yaml', 'jd', 'operator.yaml', 'org.yaml', 'people.yaml']);
      expect(readFileSync(join(snapshot.dir, 'people.yaml'), 'utf8')).toContain('Olga Ops\n');
      expect(readFileSync(join(snapshot.dir, 'jd', 'operator.md'), 'utf8')).toBe(readFileSync(join(VALID_FIXTURE, 'jd', 'operator.md'), 'utf8'));
    } finally {
      snapshot.remove();
    }
    expect(existsSync(snapshot.dir)).toBe(false);
  });

  it('recreates symlinks as they were, for the loader to judge', () => {
    const snapshot = snapshotRolesDir({ cwd: join(repo.dir, 'roles'), rolesDir: '.', revision: 'HEAD' });
    try {
      expect(readFileSync(join(snapshot.dir, 'people.yaml'), 'utf8')).toContain('Olga Operator');
      expect(lstatSync(join(snapshot.dir, 'jd', 'ops.md')).isSymbolicLink()).toBe(true);
      expect(readlinkSync(join(snapshot.dir, 'jd', 'escape.md'))).toBe('../../../../etc/passwd');
    } finally {
      snapshot.remove();
    }
  });

  it.each([
    ['an unknown revision', { rolesDir: 'roles', revision: 'nope' }, /^unknown git revision "nope"$/],
    ['a revision that looks like an option', { rolesDir: 'roles', revision: '--output=/tmp/x' }, /^not a git revision: "--output=\/tmp\/x"$/],
    ['a directory outside the repository', { rolesDir: '/tmp', revision: 'HEAD' }, /^the roles directory \/tmp is outside the git repository /],
  ])('fails when given %s', (_what, options, message) => {
    expect(() => snapshotRolesDir({ cwd: repo.dir, ...options })).toThrow(GitRevisionError);
    expect(() => snapshotRolesDir({ cwd: repo.dir, ...options })).toThrow(message);
  });
});
