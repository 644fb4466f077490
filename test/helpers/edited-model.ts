import { loadModel } from '../../src/pipeline/load-model';
import type { AccessModel } from '../../src/model/types';
import { copyRoles, type RolesCopy } from './roles-dir';

/** An edit of a throwaway copy of a roles directory. */
export type RolesEdit = (copy: RolesCopy) => void;

/** Loads a copy of `source` with `edits` applied, as of `asOf`; the copy is removed afterwards. */
export function loadEdited(source: string, asOf: string, edits: readonly RolesEdit[] = []): ReturnType<typeof loadModel> {
  const copy = copyRoles(source);
  try {
    edits.forEach((edit) => edit(copy));
    return loadModel(copy.dir, asOf, 'roles');
  } finally {
    copy.remove();
  }
}

/** The model of a copy of `source` with `edits` applied; a test setup error when it is invalid. */
export function editedModel(source: string, asOf: string, edits: readonly RolesEdit[] = []): AccessModel {
  const loaded = loadEdited(source, asOf, edits);
  if (!loaded.model)
    throw new Error(`test setup: invalid roles: ${JSON.stringify(loaded.problems.filter((problem) => problem.severity === 'error'))}`);
  return loaded.model;
}
