import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JdParseError, jobDescriptionSummary, parseJobDescription, type JobDescription, type SectionVocabulary } from '../../jd';
import { pickJdRole, splitJdReference } from '../../load/jd-reference';
import { loadReaderConfig } from '../../load/load-reader-config';
import { formatProblem } from '../../load/problem';
import { stringOption, type Parsed } from '../args';
import { EXIT, UsageError, type Io } from '../io';
import { displayPath } from '../shared';
import { jdParseCommand } from './jd-parse';

const { usage } = jdParseCommand;

/** Runs `rolecall jd parse FILE[#ANCHOR]` once its options are parsed and --help is answered. */
export function runJdParse(parsed: Parsed, io: Io): number {
  const file = singleFile(parsed.positionals, usage);
  const vocabulary = readerVocabularyOf(parsed, io);
  if (vocabulary === undefined) return EXIT.invalid;
  const jd = readJd(file, io, vocabulary);
  if (!jd) return EXIT.invalid;
  const summary = jobDescriptionSummary(jd);
  const roles = jd.roles.map((role) => ({
    anchor: role.anchor,
    ...jobDescriptionSummary({ ...jd, title: role.title, sections: role.sections, roles: [] }),
    line: role.line,
  }));
  io.out(`${JSON.stringify(roles.length ? { ...summary, roles } : summary, null, 2)}\n`);
  return EXIT.ok;
}

/** The one FILE argument of a jd command. */
export function singleFile(positionals: readonly string[], usage: string): string {
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'expected one FILE' : 'missing FILE', usage);
  return positionals[0] ?? '';
}

/**
 * The reader vocabulary of the roles directory (--roles, default ./roles): org.yaml `jdSections`, as
 * `validate` reads them. Undefined, with the problems printed, when org.yaml is there but invalid.
 */
export function readerVocabularyOf(parsed: Parsed, io: Io): SectionVocabulary | undefined {
  const option = stringOption(parsed.values.roles, 'roles');
  const config = loadReaderConfig(resolve(io.cwd, option), displayPath(option));
  const errors = config.problems.filter((problem) => problem.severity === 'error');
  for (const problem of errors) io.err(`${formatProblem(problem)}\n`);
  return errors.length ? undefined : config.vocabulary;
}

/**
 * Reads and parses a JD, printing a positioned error and returning undefined when it cannot. `FILE#anchor`
 * picks one role of a page that describes several.
 */
export function readJd(reference: string, io: Io, vocabulary?: SectionVocabulary): JobDescription | undefined {
  const { path: file, anchor } = splitJdReference(reference);
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(
      `${formatProblem({ severity: 'error', file, line: 1, column: 1, message: code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? 'unknown error'})` })}\n`,
    );
    return undefined;
  }
  let jd: JobDescription;
  try {
    jd = parseJobDescription(text, vocabulary === undefined ? {} : { vocabulary });
  } catch (error) {
    if (!(error instanceof JdParseError)) throw error;
    io.err(
      `${formatProblem({ severity: 'error', file, line: error.line, column: error.column, message: error.message, hint: error.hint })}\n`,
    );
    return undefined;
  }
  if (anchor === undefined) return jd;
  const picked = pickJdRole(jd, anchor, file);
  if (picked.ok) return picked.jd;
  io.err(`${formatProblem({ severity: 'error', file, line: 1, column: 1, message: picked.message, hint: picked.hint })}\n`);
  return undefined;
}
