import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { addPerson, removePeople, setEnd, type EditResult } from '../../edit/people-edits';
import { formatProblem, hasErrors } from '../../load/problem';
import { readContainedFile } from '../../load/read-contained-file';
import { MAX_LIMIT_BYTES } from '../../schema/org';
import { loadModel } from '../../pipeline/load-model';
import { isCalendarDate } from '../../util/calendar-date';
import { showValue } from '../../util/safe-text';
import { asOfOption, stringOption, type Parsed } from '../args';
import { EXIT, UsageError, type Io } from '../io';
import { displayPath, envAsOf, printProblems, problemSummary } from '../shared';
import { writeFileAtomic } from '../write-atomic';
import { offboardCommand } from './offboard';
import { onboardCommand } from './onboard';

/** Runs `rolecall onboard` once its options are parsed and --help is answered. */
export function runOnboard(parsed: Parsed, io: Io): number {
  const { usage } = onboardCommand;
  if (parsed.positionals.length) throw new UsageError(`unexpected argument ${showValue(parsed.positionals[0])}`, usage);
  const required = (name: string): string => {
    const value = parsed.values[name];
    if (typeof value !== 'string' || value === '') throw new UsageError(`missing --${name}`, usage);
    return value;
  };
  const person = {
    id: required('id'),
    name: required('name'),
    email: required('email'),
    github: required('github'),
    roles: [...new Set(parsed.lists?.['role'] ?? [])],
    start: required('start'),
  };
  if (person.roles.length === 0) throw new UsageError('missing --role: give at least one', usage);
  if (!isCalendarDate(person.start)) throw new UsageError(`--start expects a date YYYY-MM-DD, got ${showValue(person.start)}`, usage);
  return editPeople(
    parsed,
    io,
    usage,
    (text) => addPerson(text, person),
    `added ${person.id} (${person.roles.join(', ')}) from ${person.start}`,
  );
}

/** Runs `rolecall offboard` once its options are parsed and --help is answered. */
export function runOffboard(parsed: Parsed, io: Io): number {
  const { usage } = offboardCommand;
  const remove = parsed.values.remove === true;
  const on = parsed.values.on;
  if (remove) {
    if (parsed.positionals.length || on !== undefined)
      throw new UsageError('--remove takes no ID and no --on: it deletes every entry whose end has passed', usage);
    const asOf = asOfOption(parsed.values['as-of'], usage) ?? envAsOf(io, usage);
    let removed: string[] = [];
    return editPeople(
      parsed,
      io,
      usage,
      (text) => {
        removed = pastLeavers(text, asOf);
        return removePeople(text, new Set(removed));
      },
      () =>
        removed.length
          ? `removed ${removed.length} ${removed.length === 1 ? 'entry' : 'entries'} whose end is before ${asOf}: ${removed.join(', ')}`
          : undefined,
    );
  }
  if (parsed.positionals.length !== 1)
    throw new UsageError(parsed.positionals.length ? 'expected one ID' : 'missing ID (or --remove)', usage);
  const id = parsed.positionals[0] ?? '';
  if (typeof on !== 'string') throw new UsageError('missing --on YYYY-MM-DD: the last day of access', usage);
  if (!isCalendarDate(on)) throw new UsageError(`--on expects a date YYYY-MM-DD, got ${showValue(on)}`, usage);
  return editPeople(parsed, io, usage, (text) => setEnd(text, id, on), `${id}: access ends after ${on}`);
}

/**
 * Reads people.yaml, makes the edit, checks the whole organisation with the edited text in place of the
 * file, and writes it atomically only when nothing is an error. `done` says what was done, or nothing
 * when the edit changed nothing.
 */
function editPeople(
  parsed: Parsed,
  io: Io,
  usage: string,
  edit: (text: string) => EditResult,
  done: string | (() => string | undefined),
): number {
  const asOf = asOfOption(parsed.values['as-of'], usage) ?? envAsOf(io, usage);
  const rolesOption = stringOption(parsed.values.roles, 'roles');
  const dir = resolve(io.cwd, rolesOption);
  const shown = displayPath(rolesOption);
  const file = join(shown, 'people.yaml');
  // Read as `validate` reads it: a symlink out of the directory, a FIFO or a huge file is refused, never
  // read and never replaced. The org's own size limit applies when the edited text is checked.
  const read = readContainedFile(dir, 'people.yaml', file, MAX_LIMIT_BYTES, 'split people.yaml, or edit it by hand');
  if (!read.ok) {
    io.err(
      `${formatProblem({ severity: 'error', file, line: 1, column: 1, message: read.message, hint: read.kind === 'missing' ? 'pass --roles DIR' : read.hint })}\n`,
    );
    return EXIT.invalid;
  }
  const { text } = read;
  const result = edit(text);
  if ('error' in result) {
    io.err(`${formatProblem({ severity: 'error', file, ...result.error })}\n`);
    return EXIT.invalid;
  }
  const message = typeof done === 'string' ? done : done();
  if (message === undefined || result.text === text) {
    io.out('nothing to change\n');
    return EXIT.ok;
  }
  const loaded = loadModel(dir, asOf, shown, { texts: new Map([['people.yaml', result.text]]) });
  printProblems(loaded.problems, io);
  if (hasErrors(loaded.problems)) {
    io.err(`invalid with this change: ${problemSummary(loaded.problems)}; nothing written\n`);
    return EXIT.invalid;
  }
  if (parsed.values['dry-run'] === true) {
    io.out(`${changedLines(text, result.text, file)}would have ${message}; nothing written (--dry-run)\n`);
    return EXIT.ok;
  }
  writeFileAtomic(join(dir, 'people.yaml'), result.text, file);
  io.out(`${file}: ${message}\n`);
  return EXIT.ok;
}

/** Ids of the entries whose end is before `asOf`. */
function pastLeavers(text: string, asOf: string): string[] {
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    return [];
  }
  const people = data && typeof data === 'object' ? (data as Record<string, unknown>)['people'] : undefined;
  if (!Array.isArray(people)) return [];
  return people.flatMap((person: unknown) => {
    const entry = person && typeof person === 'object' ? (person as Record<string, unknown>) : {};
    return typeof entry['id'] === 'string' && typeof entry['end'] === 'string' && entry['end'] < asOf ? [entry['id']] : [];
  });
}

/** The lines an edit removes and adds, with their line numbers, for --dry-run. */
function changedLines(before: string, after: string, file: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
  const removed = a.slice(head, a.length - tail).map((line) => `- ${line}`);
  const added = b.slice(head, b.length - tail).map((line) => `+ ${line}`);
  // The empty string after the file's last newline is no line.
  if (tail === 0 && added[added.length - 1] === '+ ') added.pop();
  if (tail === 0 && removed[removed.length - 1] === '- ') removed.pop();
  return `${file}:${head + 1}:\n${[...removed, ...added].join('\n')}\n`;
}
