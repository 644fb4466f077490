import { workerData, type MessagePort } from 'node:worker_threads';
import { parseOne, type JdWork } from './parse-jds';

/**
 * The thread of `JdParsing`: waits for the JDs, then takes them one at a time from the counter it shares
 * with the caller, posting each outcome as it goes, and marks itself done. A bug while parsing stops it:
 * the caller parses what is missing itself and meets the same bug with its stack on its own thread.
 */
const { port } = workerData as { port: MessagePort };
port.once('message', ({ texts, options, control }: JdWork) => {
  try {
    for (let index = Atomics.add(control, 0, 1); index < texts.length; index = Atomics.add(control, 0, 1)) {
      port.postMessage({ index, outcome: parseOne(texts[index] ?? '', options) });
    }
  } catch {
    // Left to the caller: it parses the JDs it did not receive.
  } finally {
    Atomics.store(control, 1, 1);
    Atomics.notify(control, 1);
    port.close();
  }
});
