import type { RepoPermission } from '../../schema';

/** Repository permissions from least to most (https://docs.github.com/en/organizations/managing-user-access-to-your-organizations-repositories/managing-repository-roles/repository-roles-for-an-organization). */
export const REPO_PERMISSIONS: readonly RepoPermission[] = ['pull', 'triage', 'push', 'maintain', 'admin'];

/**
 * A repository role as a permission: the five base roles by their API names, `read` as pull and `write` as
 * push (the names the web UI and `role_name` use); undefined for a custom role.
 * https://docs.github.com/en/rest/teams/teams#list-team-repositories
 */
export function repoPermission(role: string | undefined): RepoPermission | undefined {
  const name = role === 'read' ? 'pull' : role === 'write' ? 'push' : role;
  return REPO_PERMISSIONS.find((permission) => permission === name);
}
