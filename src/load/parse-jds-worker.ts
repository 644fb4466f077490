import { workerData, type MessagePort } from 'node:worker_threads';
import { parseOne, type JdOutcome } from './parse-jds';
import type { ParseJobDescriptionOptions } from '../jd/parse-job-description';

/**
 * The thread of `startParsingJds`: parses every JD it is given, posts the outcomes and wakes the caller,
 * which waits on `done`. A bug while parsing posts nothing: the caller then parses the JDs itself and
 * meets the same bug with its stack on its own thread.
 */
const { texts, options, done, port } = workerData as { texts: string[]; options: ParseJobDescriptionOptions; done: Int32Array; port: MessagePort };
try {
  const outcomes: JdOutcome[] = texts.map((text) => parseOne(text, options));
  port.postMessage({ outcomes });
} catch {
  port.postMessage({});
} finally {
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
}
