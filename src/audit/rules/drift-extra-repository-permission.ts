import { PERMISSION_RANK } from '../../review/access-set';
import type { AuditRule, RuleFinding } from '../finding';
import { at, expected } from './drift-index';

/** A rolecall team's access to a repository above what the roles grant, or to a repository they do not grant at all. */
export const extraRepositoryPermission: AuditRule = {
  id: 'Drift-ExtraRepositoryPermission',
  category: 'drift',
  description: 'a rolecall team with more repository access than the roles grant',
  needs: 'github',
  check: ({ model, actual }) => {
    const { github } = expected(model);
    const findings: RuleFinding[] = [];
    for (const entry of actual.github?.teamRepositories ?? []) {
      const team = github.teams.get(entry.team.toLowerCase());
      // Repositories of a team made outside rolecall are not the roles' to grant.
      if (!team || team.existing) continue;
      const wanted = team.repositories.get(entry.repository.toLowerCase());
      if (wanted && PERMISSION_RANK[entry.permission] <= PERMISSION_RANK[wanted]) continue;
      findings.push({
        detail: `github:${entry.team}:${entry.repository}`,
        severity: entry.permission === 'pull' ? 'medium' : 'high',
        subject: `github:team/${entry.team}`,
        message: wanted
          ? `team ${entry.team} has ${entry.permission} on ${entry.repository}, the roles grant ${wanted}`
          : `team ${entry.team} has ${entry.permission} on ${entry.repository}, which the roles do not grant`,
        evidence: [`${at(entry.from)}: ${entry.team} → ${entry.repository} (${entry.permission})`],
      });
    }
    return findings;
  },
};
