import { createHash } from 'node:crypto';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import type { Problem } from '../load/problem';

/** What a command reads a named input file as, for its messages. */
export interface InputFileKind {
  /** What the file should be, after "not": `a plan`, `an export file`. */
  readonly what: string;
  /** Who reads it, for the size limit: `a plan summary`, `an audit`. */
  readonly reader: string;
  readonly maxBytes: number;
  readonly hint: string;
  /** Compute the file's SHA-256 (for evidence). @default false */
  readonly digest?: boolean;
}

/** A file read, with its modification time and, when asked for, its SHA-256 (for evidence). */
export interface InputFile {
  readonly text: string;
  readonly sha256?: string;
  readonly modified: string;
}

/**
 * Reads a file a user named on the command line, or returns undefined with a problem at `shown:1:1`:
 * only a regular file is read (a FIFO would block), and only up to `kind.maxBytes`.
 */
export function readInputFile(cwd: string, file: string, problems: Problem[], kind: InputFileKind, shown = file): InputFile | undefined {
  const path = resolve(cwd, file);
  const refuse = (message: string): undefined =>
    void problems.push({ severity: 'error', file: shown, line: 1, column: 1, message, hint: kind.hint });
  let info: Stats;
  try {
    info = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return refuse(code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? 'unknown error'})`);
  }
  if (!info.isFile()) return refuse(`${info.isDirectory() ? 'a directory' : 'not a regular file'}, not ${kind.what}`);
  if (info.size > kind.maxBytes) return refuse(`${info.size} bytes, over the ${kind.maxBytes} ${kind.reader} reads`);
  try {
    const bytes = readFileSync(path);
    return {
      text: bytes.toString('utf8'),
      ...(kind.digest ? { sha256: createHash('sha256').update(bytes).digest('hex') } : {}),
      modified: info.mtime.toISOString(),
    };
  } catch (error) {
    return refuse(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
}
