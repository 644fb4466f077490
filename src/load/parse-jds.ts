import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { JdParseError } from '../jd/jd-parse-error';
import { parseJobDescription, type ParseJobDescriptionOptions } from '../jd/parse-job-description';
import type { JobDescription } from '../jd/types';

/** One JD's parse: the description, or the positioned error a user wrote. */
export type JdOutcome =
  | { readonly ok: true; readonly jd: JobDescription }
  | { readonly ok: false; readonly error: { readonly message: string; readonly line: number; readonly column: number; readonly hint?: string } };

/**
 * Below this many characters of JD text in all, a thread costs more than it saves (starting one and
 * loading the Markdown parser in it takes tens of milliseconds; a JD parses in a few).
 */
export const THREAD_THRESHOLD = 200_000;

/** Longest wait for the thread before parsing here instead: it only ever parses, so it ends or fails. */
const THREAD_TIMEOUT_MS = 120_000;

/**
 * Starts parsing job descriptions and returns a function that gives their outcomes, in order. Many JDs
 * (a large organisation has hundreds) are parsed on a second thread while the caller reads its YAML:
 * JDs are plain text in, plain data out, so the result is the same wherever they are parsed. The
 * returned function blocks until the thread is done; without the compiled worker (under ts-jest), or
 * when it fails, the JDs are parsed on this thread.
 */
export function startParsingJds(texts: readonly string[], options: ParseJobDescriptionOptions = {}): () => JdOutcome[] {
  const here = (): JdOutcome[] => texts.map((text) => parseOne(text, options));
  const size = texts.reduce((sum, text) => sum + text.length, 0);
  const script = join(__dirname, 'parse-jds-worker.js');
  if (size < THREAD_THRESHOLD || !existsSync(script)) return here;

  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(script, { workerData: { texts, options, done, port: port2 }, transferList: [port2] });
  worker.unref();
  return () => {
    const finished = Atomics.wait(done, 0, 0, THREAD_TIMEOUT_MS) !== 'timed-out';
    const message = finished ? (receiveMessageOnPort(port1)?.message as { outcomes?: JdOutcome[] } | undefined) : undefined;
    port1.close();
    void worker.terminate();
    return message?.outcomes?.length === texts.length ? message.outcomes : here();
  };
}

/** Parses one JD, turning a JD mistake into its outcome; anything else is a bug and is thrown. */
export function parseOne(text: string, options: ParseJobDescriptionOptions): JdOutcome {
  try {
    return { ok: true, jd: parseJobDescription(text, options) };
  } catch (error) {
    if (!(error instanceof JdParseError)) throw error;
    return { ok: false, error: { message: error.message, line: error.line, column: error.column, ...(error.hint !== undefined ? { hint: error.hint } : {}) } };
  }
}
