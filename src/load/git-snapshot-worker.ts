import { workerData, type MessagePort } from 'node:worker_threads';
import { GitRevisionError, snapshotRolesDir, type SnapshotOptions } from './git-snapshot';
import type { SnapshotReport } from './git-snapshot-thread';

/**
 * The thread of `startSnapshot`: takes one snapshot, posts where it is (or why it failed) and marks
 * itself done. The caller owns the directory from then on and removes it.
 */
const { options, control, port } = workerData as { options: SnapshotOptions; control: Int32Array; port: MessagePort };
try {
  const snapshot = snapshotRolesDir(options);
  port.postMessage({ root: snapshot.root, dir: snapshot.dir, commit: snapshot.commit } satisfies SnapshotReport);
} catch (error) {
  port.postMessage({
    error: error instanceof Error ? error.message : String(error),
    revision: error instanceof GitRevisionError,
  } satisfies SnapshotReport);
} finally {
  Atomics.store(control, 0, 1);
  Atomics.notify(control, 0);
  port.close();
}
