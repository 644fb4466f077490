import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Problem } from '../../load/problem';
import { readInputFile, type InputFile } from '../read-input-file';

/** Largest export read: far beyond the authorization details of any account. */
const MAX_EXPORT_BYTES = 512 * 1024 * 1024;
/** Most files read from a GitHub export directory (one per team and kind, and the organisation's). */
const MAX_EXPORT_FILES = 20_000;

/** An export file's text, digest and modification time, or undefined with a problem (see readInputFile). */
export function readExportFile(
  cwd: string,
  file: string,
  problems: Problem[],
  hint: string,
  shown = file,
): (InputFile & { sha256: string }) | undefined {
  const read = readInputFile(
    cwd,
    file,
    problems,
    { what: 'an export file', reader: 'an audit', maxBytes: MAX_EXPORT_BYTES, hint, digest: true },
    shown,
  );
  return read ? { ...read, sha256: read.sha256 ?? '' } : undefined;
}

/**
 * The `.json` files of an export directory and its sub-directories (one level: `team-members/<slug>.json`),
 * by path relative to it with `/`, with one digest over all of them (name, then content, in name order)
 * and the latest modification time.
 */
export function readExportDirectory(
  cwd: string,
  dir: string,
  problems: Problem[],
  hint: string,
): { files: Map<string, string>; sha256: string; modified: string } | undefined {
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
