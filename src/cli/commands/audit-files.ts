import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Problem } from '../../load/problem';

/** Largest export read: far beyond the authorization details of any account. */
const MAX_EXPORT_BYTES = 512 * 1024 * 1024;
/** Most files read from a GitHub export directory (one per team and kind, and the organisation's). */
const MAX_EXPORT_FILES = 20_000;

/** A file read for an audit, with its digest and modification time for the report. */
export interface ReadExport {
  readonly text: string;
  readonly sha256: string;
  readonly modified: string;
}

/** An export file's text, or undefined with a problem: only a regular file is read (a FIFO would block). */
export function readExportFile(cwd: string, file: string, problems: Problem[], hint: string, shown = file): ReadExport | undefined {
  const path = resolve(cwd, file);
  const refuse = (message: string): undefined => void problems.push({ severity: 'error', file: shown, line: 1, column: 1, message, hint });
  let info: Stats;
  try {
    info = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return refuse(code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? 'unknown error'})`);
  }
  if (!info.isFile()) return refuse(info.isDirectory() ? 'a directory, not an export file' : 'not a regular file');
  if (info.size > MAX_EXPORT_BYTES) return refuse(`${info.size} bytes, over the ${MAX_EXPORT_BYTES} an audit reads`);
  try {
    const bytes = readFileSync(path);
    return { text: bytes.toString('utf8'), sha256: createHash('sha256').update(bytes).digest('hex'), modified: info.mtime.toISOString() };
  } catch (error) {
    return refuse(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
}

/**
 * The `.json` files of an export directory and its sub-directories (one level: `team-members/<slug>.json`),
 * by path relative to it with `/`, with one digest over all of them (name, then content, in name order)
 * and the latest modification time.
 */
export function readExportDirectory(cwd: string, dir: string, problems: Problem[], hint: string): { files: Map<string, string>; sha256: string; modified: string } | undefined {
  const root = resolve(cwd, dir);
  const refuse = (message: string): undefined => void problems.push({ severity: 'error', file: dir, line: 1, column: 1, message, hint });
  let names: string[];
  try {
    if (!statSync(root).isDirectory()) return refuse('not a directory');
    names = listJson(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return refuse(code === 'ENOENT' ? 'directory not found' : `cannot read the directory (${code ?? 'unknown error'})`);
  }
  if (names.length > MAX_EXPORT_FILES) return refuse(`${names.length} files, over the ${MAX_EXPORT_FILES} an audit reads`);
  const files = new Map<string, string>();
  const hash = createHash('sha256');
  let latest = 0;
  for (const name of names) {
    const read = readExportFile(root, name, problems, hint, `${dir.replace(/\/+$/, '')}/${name}`);
    if (!read) continue;
    files.set(name, read.text);
    hash.update(`${name}\n`).update(read.text);
    latest = Math.max(latest, Date.parse(read.modified));
  }
  return { files, sha256: hash.digest('hex'), modified: new Date(latest).toISOString() };
}

function listJson(root: string): string[] {
  const names: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.json')) names.push(entry.name);
    else if (entry.isDirectory()) {
      for (const inner of readdirSync(join(root, entry.name), { withFileTypes: true })) {
        if (inner.isFile() && inner.name.endsWith('.json')) names.push(`${entry.name}/${inner.name}`);
      }
    }
  }
  return names.sort();
}
