import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { GitRevisionError, snapshotAt, snapshotRolesDir, type GitSnapshot, type SnapshotOptions } from './git-snapshot';

/** What the snapshot thread reports: the snapshot's directories, or why there is none. */
export type SnapshotReport =
  { readonly root: string; readonly dir: string; readonly commit: string } | { readonly error: string; readonly revision: boolean };

/** Longest wait for the thread: it only runs git and writes files, so it ends or fails. */
const THREAD_TIMEOUT_MS = 300_000;

/**
 * Starts taking a snapshot on a second thread, so that git and the file writes run while this thread
 * loads the other side of a diff; the returned function waits for it and gives the snapshot (or throws
 * `GitRevisionError`, as `snapshotRolesDir` would). Without the compiled thread script (under ts-jest),
 * or when the thread cannot start or dies, the snapshot is taken on this thread when asked for.
 */
export function startSnapshot(options: SnapshotOptions): () => GitSnapshot {
  const script = join(__dirname, 'git-snapshot-worker.js');
  if (!existsSync(script)) return () => snapshotRolesDir(options);
  const control = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData: { options, control, port: port2 }, transferList: [port2] });
  } catch {
    return () => snapshotRolesDir(options);
  }
  worker.unref();
  worker.on('error', () => undefined);
  return () => {
    Atomics.wait(control, 0, 0, THREAD_TIMEOUT_MS);
    const report = receiveMessageOnPort(port1)?.message as SnapshotReport | undefined;
    port1.close();
    void worker.terminate();
    if (report === undefined) return snapshotRolesDir(options);
    if ('error' in report) throw report.revision ? new GitRevisionError(report.error) : new Error(report.error);
    return snapshotAt(report.root, report.dir, report.commit);
  };
}
