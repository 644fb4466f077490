import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';

/**
 * A roles directory as it is in a git commit, copied out of the object store into a private temporary
 * directory: the working tree and the index are never read or written, so a diff against `main` works
 * with uncommitted changes in place. `remove()` deletes the copy.
 */
export interface GitSnapshot {
  /** The copy of the roles directory, to load like any other. */
  readonly dir: string;
  /** The full commit id the revision resolved to. */
  readonly commit: string;
  /** The private temporary directory holding `dir`, which `remove()` deletes. */
  readonly root: string;
  remove(): void;
}

/** Where to take a snapshot from. */
export interface SnapshotOptions {
  readonly cwd: string;
  readonly rolesDir: string;
  readonly revision: string;
}

/** A snapshot's handle from its directories (as another thread reports them). */
export function snapshotAt(root: string, dir: string, commit: string): GitSnapshot {
  return { dir, commit, root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** The revision cannot be used (not a repository, unknown revision, a directory outside the repository): the caller's mistake. */
export class GitRevisionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitRevisionError';
  }
}

/**
 * The largest blob written out: above every `limits.*Bytes` rolecall accepts. A larger one becomes a
 * sparse file of its real size, so the loader refuses it for its size, exactly as it would on disk,
 * without this process holding it in memory.
 */
const LARGEST_BLOB = 16 * 1024 * 1024 + 1;

/** Copies `rolesDir` (a path in the working tree, which need not exist there) as it is at `revision`. */
export function snapshotRolesDir(options: SnapshotOptions): GitSnapshot {
  const { cwd, revision } = options;
  if (revision === '' || revision.startsWith('-')) throw new GitRevisionError(`not a git revision: ${JSON.stringify(revision)}`);
  const top = git(cwd, ['rev-parse', '--show-toplevel'], 'not inside a git repository').toString('utf8').trim();
  const commit = git(
    cwd,
    ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`],
    `unknown git revision ${JSON.stringify(revision)}`,
  )
    .toString('utf8')
    .trim();
  const inRepo = relative(realpathSync(top), realExisting(resolve(cwd, options.rolesDir)));
  if (inRepo === '..' || inRepo.startsWith(`..${sep}`) || isAbsolute(inRepo)) {
    throw new GitRevisionError(`the roles directory ${options.rolesDir} is outside the git repository ${top}`);
  }
  const prefix = inRepo.split(sep).join(posix.sep);
  const entries = listTree(top, commit, prefix);

  const root = mkdtempSync(join(tmpdir(), 'rolecall-diff-'));
  const dir = join(root, basename(prefix) || 'roles');
  try {
    mkdirSync(dir);
    writeEntries(top, dir, entries);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return snapshotAt(root, dir, commit);
}

interface TreeEntry {
  readonly mode: string;
  readonly object: string;
  readonly size: number;
  /** Relative to the roles directory, `/`-separated. */
  readonly path: string;
}

/** Blobs and symlinks under `prefix` at `commit`: `git ls-tree -r -z -l`, paths checked to stay inside. */
function listTree(top: string, commit: string, prefix: string): TreeEntry[] {
  const args = ['ls-tree', '-r', '-z', '-l', '--full-tree', commit, ...(prefix ? ['--', prefix] : [])];
  const entries: TreeEntry[] = [];
  for (const record of git(top, args, 'cannot list the revision').toString('utf8').split('\0')) {
    const match = /^(\d+) (\w+) ([0-9a-f]+) +(\d+|-)\t([\s\S]+)$/.exec(record);
    if (!match) continue;
    const [, mode = '', type = '', object = '', size = '', full = ''] = match;
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755' && mode !== '120000')) continue;
    const path = prefix ? full.slice(prefix.length + 1) : full;
    if (prefix && !full.startsWith(`${prefix}/`)) continue;
    if (path.split('/').some((part) => part === '' || part === '.' || part === '..')) continue;
    entries.push({ mode, object, size: Number(size), path });
  }
  return entries;
}

/** Writes the entries under `dir`: small blobs from one `git cat-file --batch`, large ones as sparse files. */
function writeEntries(top: string, dir: string, entries: readonly TreeEntry[]): void {
  const wanted = [...new Set(entries.filter((entry) => entry.size <= LARGEST_BLOB).map((entry) => entry.object))];
  const blobs = readBlobs(top, wanted);
  for (const entry of entries) {
    const path = join(dir, ...entry.path.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    if (entry.size > LARGEST_BLOB) {
      const fd = openSync(path, 'w');
      try {
        ftruncateSync(fd, entry.size);
      } finally {
        closeSync(fd);
      }
      continue;
    }
    const content = blobs.get(entry.object) ?? Buffer.alloc(0);
    // A symlink is recreated as it was; the loader then refuses any that leads out of the directory.
    if (entry.mode !== '120000') writeFileSync(path, content);
    else if (!content.includes(0)) symlinkSync(content.toString('utf8'), path);
  }
}

function readBlobs(top: string, objects: readonly string[]): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  if (objects.length === 0) return blobs;
  const out = git(top, ['cat-file', '--batch'], 'cannot read the revision', `${objects.join('\n')}\n`);
  let at = 0;
  while (at < out.length) {
    const newline = out.indexOf(0x0a, at);
    if (newline < 0) break;
    const [object = '', type = '', size = ''] = out.subarray(at, newline).toString('utf8').split(' ');
    if (type === 'missing' || size === '') throw new Error(`internal: git cat-file could not read ${object}`);
    const start = newline + 1;
    const end = start + Number(size);
    blobs.set(object, out.subarray(start, end));
    at = end + 1;
  }
  return blobs;
}

/**
 * Runs git without a shell (arguments are never parsed by one), with the file system monitor off and no
 * prompts, and throws `GitRevisionError` with `failure` and git's first line of complaint when it fails.
 */
function git(cwd: string, args: readonly string[], failure: string, input?: string): Buffer {
  const result = spawnSync('git', ['-c', 'core.fsmonitor=false', ...args], {
    cwd,
    input,
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, GIT_LITERAL_PATHSPECS: '1', GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
  });
  if (result.error) throw new GitRevisionError(`${failure}: cannot run git (${result.error.message})`);
  if (result.status !== 0) {
    const detail = result.stderr.toString('utf8').trim().split('\n')[0];
    throw new GitRevisionError(detail ? `${failure} (${detail})` : failure);
  }
  return result.stdout;
}

/** The real path of `path`, or of its nearest existing parent with the rest appended (the directory may exist only in git). */
function realExisting(path: string): string {
  const missing: string[] = [];
  let current = path;
  while (!existsSync(current)) {
    const parent = dirname(current);
    if (parent === current) break;
    missing.unshift(basename(current));
    current = parent;
  }
  return join(realpathSync(current), ...missing);
}
