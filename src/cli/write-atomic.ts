import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writing } from './io';

/**
 * Replaces a file's content atomically: the text goes to a new file beside it (same directory, so the
 * same file system), is flushed, and is renamed over the original, which keeps its permissions. A reader
 * sees the old file or the new one, never half of either; on failure the original is untouched and the
 * new file removed. `shown` names the file in errors.
 */
export function writeFileAtomic(path: string, text: string, shown: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.rolecall-${process.pid}-${Date.now()}.tmp`);
  writing(shown, () => {
    let mode = 0o644;
    try {
      mode = statSync(path).mode & 0o777;
    } catch {
      // A new file: the default mode.
    }
    const fd = openSync(temporary, 'wx', mode);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      renameSync(temporary, path);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  });
}
