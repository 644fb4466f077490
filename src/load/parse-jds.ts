import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { JdParseError } from '../jd/jd-parse-error';
import { parseJobDescription, type ParseJobDescriptionOptions } from '../jd/parse-job-description';
import type { JobDescription } from '../jd/types';
import { TextCache } from './text-cache';

/** One JD's parse: the description, or the positioned error a user wrote. */
export type JdOutcome =
  | { readonly ok: true; readonly jd: JobDescription }
  | {
      readonly ok: false;
      readonly error: { readonly message: string; readonly line: number; readonly column: number; readonly hint?: string };
    };

/**
 * Below this many characters of JD text in all, a thread costs more than it saves (starting one and
 * loading the Markdown parser in it takes tens of milliseconds; a JD parses in a few).
 */
export const THREAD_THRESHOLD = 200_000;

/** Longest wait for the thread to finish the JD it took: it only ever parses, so it ends or fails. */
const THREAD_TIMEOUT_MS = 120_000;

/** Slots of the shared control array: the next JD to take, and whether the thread is done. */
const NEXT = 0;
const DONE = 1;

/** What the thread is sent: the JDs, and the shared counter both threads take them from. */
export interface JdWork {
  readonly texts: readonly string[];
  readonly options: ParseJobDescriptionOptions;
  readonly control: Int32Array;
}

/**
 * A second thread for parsing JDs, started before they are read (`expectMany`) so that it loads the
 * Markdown parser while this thread reads YAML. `parse` hands it the JDs; without the compiled worker
 * (under ts-jest) or for a few JDs, everything is parsed on this thread.
 */
export class JdParsing {
  private worker: Worker | undefined;
  private port: MessagePort | undefined;

  /** Starts the thread now when a large directory is expected; otherwise only if `parse` needs one. */
  constructor(expectMany: boolean) {
    // A process that has parsed JDs already (diff's second revision) most likely knows these too.
    if (expectMany && outcomeCaches.size === 0) this.startThread();
  }

  /**
   * Starts parsing `texts` and returns a function that gives their outcomes, in order. The thread and
   * the caller take JDs from one shared counter: the caller reads its YAML first, then parses JDs
   * alongside the thread until none is left, so neither waits for the other for long. A JD the thread
   * took but did not return (it failed) is parsed here, where the same bug meets its stack.
   */
  parse(texts: readonly string[], options: ParseJobDescriptionOptions = {}): () => JdOutcome[] {
    // JDs parsed before in this process under the same options (the other revision of a diff) are reused.
    const known = knownOutcomes(options);
    const fresh = [...new Set(texts.filter((text) => !known.has(text)))];
    if (fresh.length < texts.length) {
      const outcomes = this.parseFresh(fresh, options);
      return () => {
        outcomes().forEach((outcome, index) => known.set(fresh[index] ?? '', outcome));
        return texts.map((text) => known.get(text) ?? parseOne(text, options));
      };
    }
    const outcomes = this.parseFresh(texts, options);
    return () => {
      const all = outcomes();
      all.forEach((outcome, index) => known.set(texts[index] ?? '', outcome));
      return all;
    };
  }

  private parseFresh(texts: readonly string[], options: ParseJobDescriptionOptions): () => JdOutcome[] {
    const size = texts.reduce((sum, text) => sum + text.length, 0);
    if (size < THREAD_THRESHOLD) {
      this.stop();
      return () => texts.map((text) => parseOne(text, options));
    }
    const port = this.port ?? this.startThread();
    const control = new Int32Array(new SharedArrayBuffer(8));
    port?.postMessage({ texts, options, control } satisfies JdWork);
    return () => {
      const outcomes: (JdOutcome | undefined)[] = new Array(texts.length);
      for (let index = Atomics.add(control, NEXT, 1); index < texts.length; index = Atomics.add(control, NEXT, 1)) {
        outcomes[index] = parseOne(texts[index] ?? '', options);
      }
      if (port) {
        this.drain(port, outcomes);
        if (outcomes.includes(undefined) && Atomics.wait(control, DONE, 0, THREAD_TIMEOUT_MS) !== 'timed-out') this.drain(port, outcomes);
      }
      this.stop();
      return texts.map((text, index) => outcomes[index] ?? parseOne(text, options));
    };
  }

  private drain(port: MessagePort, outcomes: (JdOutcome | undefined)[]): void {
    for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) {
      const { index, outcome } = received.message as { index?: number; outcome?: JdOutcome };
      if (index !== undefined && outcome) outcomes[index] = outcome;
    }
  }

  private startThread(): MessagePort | undefined {
    const script = join(__dirname, 'parse-jds-worker.js');
    if (!existsSync(script)) return undefined;
    const { port1, port2 } = new MessageChannel();
    this.worker = new Worker(script, { workerData: { port: port2 }, transferList: [port2] });
    this.worker.unref();
    // A thread that cannot start leaves its JDs to this one; its error is not this process's.
    this.worker.on('error', () => undefined);
    this.port = port1;
    return port1;
  }

  private stop(): void {
    this.port?.close();
    void this.worker?.terminate();
    this.port = undefined;
    this.worker = undefined;
  }
}

/** Outcomes by JD text, per reader configuration; bounded by the text they hold. */
const outcomeCaches = new Map<string, TextCache<JdOutcome>>();

/** The outcomes already known under `options`. */
function knownOutcomes(options: ParseJobDescriptionOptions): TextCache<JdOutcome> {
  const key = JSON.stringify(options);
  let cache = outcomeCaches.get(key);
  if (!cache) {
    if (outcomeCaches.size > 8) outcomeCaches.clear();
    outcomeCaches.set(key, (cache = new TextCache<JdOutcome>(32 * 1024 * 1024)));
  }
  return cache;
}

/** Parses JDs, many on two threads (see {@link JdParsing}); the returned function gives the outcomes. */
export function startParsingJds(texts: readonly string[], options: ParseJobDescriptionOptions = {}): () => JdOutcome[] {
  return new JdParsing(false).parse(texts, options);
}

/** Parses one JD, turning a JD mistake into its outcome; anything else is a bug and is thrown. */
export function parseOne(text: string, options: ParseJobDescriptionOptions): JdOutcome {
  try {
    return { ok: true, jd: parseJobDescription(text, options) };
  } catch (error) {
    if (!(error instanceof JdParseError)) throw error;
    return {
      ok: false,
      error: { message: error.message, line: error.line, column: error.column, ...(error.hint !== undefined ? { hint: error.hint } : {}) },
    };
  }
}
