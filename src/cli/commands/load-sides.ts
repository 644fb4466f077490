import { resolve } from 'node:path';
import { GitRevisionError, snapshotRolesDir, type GitSnapshot } from '../../load/git-snapshot';
import { startSnapshot } from '../../load/git-snapshot-thread';
import { loadModel, type LoadedModel } from '../../pipeline/load-model';
import type { SideLabel } from '../../review';
import { UsageError, type Io } from '../io';
import { displayPath } from '../shared';

/** Both sides of a change, loaded as of one date, and how each is named. */
export interface Sides {
  readonly base: LoadedModel;
  readonly head: LoadedModel;
  readonly labels: { readonly base: SideLabel; readonly head: SideLabel };
}

/**
 * Loads the roles directory at git revision `baseRef` and at `headRef` (or the working tree), for
 * `diff` and `check-removal`. The base is copied out of git on a second thread while the head loads; a
 * file both sides share is read and checked once. A revision git does not know is a usage error naming
 * its option; problems name each revision's files the way git does (`main:roles/people.yaml`).
 */
export function loadSides(
  io: Io,
  usage: string,
  options: { readonly baseRef: string; readonly headRef?: string; readonly rolesOption: string; readonly asOf: string },
): Sides {
  const { baseRef, headRef, rolesOption, asOf } = options;
  const shown = displayPath(rolesOption);
  const snapshots: GitSnapshot[] = [];
  const taken = (option: string, take: () => GitSnapshot): GitSnapshot => {
    try {
      const snapshot = take();
      snapshots.push(snapshot);
      return snapshot;
    } catch (error) {
      if (error instanceof GitRevisionError) throw new UsageError(`${option}: ${error.message}`, usage);
      throw error;
    }
  };
  const labels: { base: SideLabel; head: SideLabel } = { base: { ref: baseRef }, head: { ref: headRef ?? 'working tree' } };
  const takeBase = startSnapshot({ cwd: io.cwd, rolesDir: rolesOption, revision: baseRef });
  let baseTaken = false;
  const baseSnapshot = (): GitSnapshot => {
    baseTaken = true;
    return taken('--base', takeBase);
  };
  try {
    let headSnapshot: GitSnapshot | undefined;
    try {
      headSnapshot =
        headRef === undefined
          ? undefined
          : taken('--head', () => snapshotRolesDir({ cwd: io.cwd, rolesDir: rolesOption, revision: headRef }));
    } catch (error) {
      baseSnapshot(); // a bad --base is named first
      throw error;
    }
    if (headSnapshot && headRef !== undefined) labels.head = { ref: headRef, commit: headSnapshot.commit };
    const head = headSnapshot
      ? loadModel(headSnapshot.dir, asOf, `${headRef}:${shown}`)
      : loadModel(resolve(io.cwd, rolesOption), asOf, shown);
    const from = baseSnapshot();
    labels.base = { ref: baseRef, commit: from.commit };
    const base = loadModel(from.dir, asOf, `${baseRef}:${shown}`);
    return { base, head, labels };
  } finally {
    // Whatever went wrong, the base's copy is collected and every copy removed.
    if (!baseTaken) {
      try {
        baseSnapshot();
      } catch {
        // Already on its way out: the first error is the one to report.
      }
    }
    for (const snapshot of snapshots) snapshot.remove();
  }
}
