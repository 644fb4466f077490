import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitRevisionError, snapshotRolesDir } from '../../../src/load/git-snapshot';
import { rolesRepo, type RolesRepo } from '../../helpers/git-roles-repo';
import { buildIfStale } from '../../helpers/loaded-modules';
import { PROJECT_ROOT, VALID_FIXTURE } from '../../helpers/roles-dir';

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
      expect(readdirSync(snapshot.dir).sort()).toEqual([
        'capabilities.yaml',
        'developer.yaml',
        'jd',
        'operator.yaml',
        'org.yaml',
        'people.yaml',
      ]);
      expect(readFileSync(join(snapshot.dir, 'people.yaml'), 'utf8')).toContain('Olga Ops\n');
      expect(readFileSync(join(snapshot.dir, 'jd', 'operator.md'), 'utf8')).toBe(
        readFileSync(join(VALID_FIXTURE, 'jd', 'operator.md'), 'utf8'),
      );
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
    [
      'a revision that looks like an option',
      { rolesDir: 'roles', revision: '--output=/tmp/x' },
      /^not a git revision: "--output=\/tmp\/x"$/,
    ],
    [
      'a directory outside the repository',
      { rolesDir: '/tmp', revision: 'HEAD' },
      /^the roles directory \/tmp is outside the git repository /,
    ],
  ])('fails when given %s', (_what, options, message) => {
    expect(() => snapshotRolesDir({ cwd: repo.dir, ...options })).toThrow(GitRevisionError);
    expect(() => snapshotRolesDir({ cwd: repo.dir, ...options })).toThrow(message);
  });
});

/**
 * `diff` takes the base's snapshot on a second thread while the head loads. The thread exists only in the
 * compiled build: the built module is loaded here, and it must give the same copy, and the same errors,
 * as taking the snapshot on this thread.
 */
describe('startSnapshot, on a second thread', () => {
  type Thread = typeof import('../../../src/load/git-snapshot-thread');
  type Snapshot = typeof import('../../../src/load/git-snapshot');
  let thread: Thread;
  let built: Snapshot;

  beforeAll(() => {
    buildIfStale();
    thread = require(join(PROJECT_ROOT, 'dist/src/load/git-snapshot-thread.js')) as Thread;
    built = require(join(PROJECT_ROOT, 'dist/src/load/git-snapshot.js')) as Snapshot;
  }, 120_000);

  it('copies the same files as a snapshot taken here, and removes them', () => {
    const threads = require('node:worker_threads') as typeof import('node:worker_threads');
    const spy = jest.spyOn(threads, 'Worker');
    const snapshot = thread.startSnapshot({ cwd: repo.dir, rolesDir: 'roles', revision: first })();
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    const here = snapshotRolesDir({ cwd: repo.dir, rolesDir: 'roles', revision: first });
    try {
      expect(snapshot.commit).toBe(first);
      const files = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
      expect(files(snapshot.dir)).toEqual(files(here.dir));
      for (const file of files(here.dir).filter((name) => name.endsWith('.yaml') || name.endsWith('.md'))) {
        expect(readFileSync(join(snapshot.dir, file), 'utf8')).toBe(readFileSync(join(here.dir, file), 'utf8'));
      }
    } finally {
      snapshot.remove();
      here.remove();
    }
    expect(existsSync(snapshot.root)).toBe(false);
  });

  it('reports a bad revision as the same error, for the caller to name', () => {
    const take = thread.startSnapshot({ cwd: repo.dir, rolesDir: 'roles', revision: 'nope' });
    expect(take).toThrow(built.GitRevisionError);
    expect(() => thread.startSnapshot({ cwd: repo.dir, rolesDir: 'roles', revision: 'nope' })()).toThrow(/^unknown git revision "nope"$/);
  });
});
