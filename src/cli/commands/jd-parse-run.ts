import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JdParseError, jobDescriptionSummary, parseJobDescription } from '../../jd';
import { formatProblem } from '../../load/problem';
import type { Parsed } from '../args';
import { EXIT, UsageError, type Io } from '../io';
import { jdParseCommand } from './jd-parse';

const { usage } = jdParseCommand;

/** Runs `rolecall jd parse FILE` once its options are parsed and --help is answered. */
export function runJdParse(parsed: Parsed, io: Io): number {
  const file = singleFile(parsed.positionals, usage);
  const jd = readJd(file, io);
  if (!jd) return EXIT.invalid;
  io.out(`${JSON.stringify(jobDescriptionSummary(jd), null, 2)}\n`);
  return EXIT.ok;
}

/** The one FILE argument of a jd command. */
export function singleFile(positionals: readonly string[], usage: string): string {
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'expected one FILE' : 'missing FILE', usage);
  return positionals[0] ?? '';
}

/** Reads and parses a JD, printing a positioned error and returning undefined when it cannot. */
export function readJd(file: string, io: Io): ReturnType<typeof parseJobDescription> | undefined {
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(`${formatProblem({ severity: 'error', file, line: 1, column: 1, message: code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? 'unknown error'})` })}\n`);
    return undefined;
  }
  try {
    return parseJobDescription(text);
  } catch (error) {
    if (!(error instanceof JdParseError)) throw error;
    io.err(`${formatProblem({ severity: 'error', file, line: error.line, column: error.column, message: error.message, hint: error.hint })}\n`);
    return undefined;
  }
}
