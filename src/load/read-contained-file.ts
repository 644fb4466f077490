import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

/** Why a file of the roles directory was not read. */
export type RefusalKind = 'missing' | 'outside' | 'directory' | 'fifo' | 'device' | 'socket' | 'other' | 'unreadable' | 'too-large';

/** The outcome of {@link readContainedFile}: the text, or why it was refused, in words for a problem line. */
export type ContainedRead =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly kind: RefusalKind; readonly message: string; readonly hint: string };

/** What a file that is not a regular file is, in words. */
function describeType(info: Stats): { kind: RefusalKind; what: string } {
  if (info.isDirectory()) return { kind: 'directory', what: 'a directory' };
  if (info.isFIFO()) return { kind: 'fifo', what: 'a FIFO (named pipe)' };
  if (info.isCharacterDevice()) return { kind: 'device', what: 'a character device' };
  if (info.isBlockDevice()) return { kind: 'device', what: 'a block device' };
  if (info.isSocket()) return { kind: 'socket', what: 'a socket' };
  return { kind: 'other', what: 'not a regular file' };
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/**
 * Reads `name` (relative to `dir`) as UTF-8 only when it is a regular file of at most `limit` bytes whose
 * real path, symlinks resolved, is inside the real path of `dir`. Everything else is refused without
 * reading: a symlink out of the directory (it could name /etc/shadow or /dev/zero), a directory, a FIFO
 * (opening one blocks until a writer comes), a device, a socket, a file too large or not readable.
 * `shown` names the file in messages; `limitHint` says how to raise the limit.
 *
 * The file is opened non-blocking and checked again through the descriptor, so a file swapped for a FIFO
 * between the check and the open is still refused; at most `limit + 1` bytes are ever read.
 */
export function readContainedFile(dir: string, name: string, shown: string, limit: number, limitHint: string): ContainedRead {
  const refuse = (kind: RefusalKind, message: string, hint: string): ContainedRead => ({ ok: false, kind, message, hint });
  const path = join(dir, name);
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EACCES')
      return refuse('unreadable', `${shown} cannot be read: permission denied`, 'make its directory readable by the user running rolecall');
    if (code === 'ELOOP') return refuse('other', `${shown} is a symlink loop`, 'point the link at a file in the roles directory');
    if (code === 'ENOTDIR')
      return refuse('missing', `${shown} not found: a part of its path is not a directory`, 'paths are relative to the roles directory');
    return code === 'ENOENT' && lstatOrUndefined(path)?.isSymbolicLink() === true
      ? refuse(
          'missing',
          `${shown} is a symlink to a file that does not exist`,
          'point the link at a file in the roles directory, or replace it by the file',
        )
      : refuse('missing', `${shown} not found`, 'paths are relative to the roles directory');
  }
  if (!isInside(realpathSync(dir), real)) {
    return refuse(
      'outside',
      `${shown} resolves to a path outside the roles directory`,
      'keep files inside the roles directory; a symlink may only point inside it',
    );
  }
  const info = statSync(real);
  if (!info.isFile()) {
    const { kind, what } = describeType(info);
    return refuse(kind, `${shown} is ${what}, not a regular file`, 'only regular files are read');
  }
  const tooLarge = (size: number): ContainedRead =>
    refuse('too-large', `${shown} is ${size} bytes, over the limit of ${limit} bytes`, limitHint);
  if (info.size > limit) return tooLarge(info.size);
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    return errorCode(error) === 'EACCES'
      ? refuse('unreadable', `${shown} cannot be read: permission denied`, 'make it readable by the user running rolecall')
      : refuse('unreadable', `${shown} cannot be read: ${errorCode(error) ?? 'unknown error'}`, 'check the file and its permissions');
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile() || opened.ino !== info.ino || opened.dev !== info.dev) {
      return refuse('other', `${shown} changed while it was being read`, 'run again once nothing writes to the roles directory');
    }
    const buffer = Buffer.alloc(Math.min(opened.size, limit) + 1);
    let length = 0;
    for (;;) {
      const count = readSync(fd, buffer, length, buffer.length - length, null);
      if (count === 0) break;
      length += count;
      if (length > limit) return tooLarge(length);
      // The file grew after it was measured: what was read is not the whole file.
      if (length === buffer.length)
        return refuse('other', `${shown} changed while it was being read`, 'run again once nothing writes to the roles directory');
    }
    return { ok: true, text: buffer.toString('utf8', 0, length) };
  } catch (error) {
    return refuse('unreadable', `${shown} cannot be read: ${errorCode(error) ?? 'unknown error'}`, 'check the file and its permissions');
  } finally {
    closeSync(fd);
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
