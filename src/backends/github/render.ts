import type { GrantRenderer } from '../types';

/** How a GitHub grant (a repository permission, a team membership) reads. */
export const githubRenderer: GrantRenderer<'github'> = {
  explainLines(target) {
    return target.kind === 'repository'
      ? [`grants GitHub repository ${target.repository}: ${target.permission}`]
      : [`grants GitHub team ${target.team} membership`];
  },
  accessText(target) {
    return target.kind === 'repository'
      ? `GitHub repository ${target.repository}: ${target.permission}`
      : `GitHub team ${target.team}${target.existing ? ' (existing)' : ''}`;
  },
  summary(target, code) {
    return target.kind === 'repository' ? `GitHub ${code(target.repository)}: ${target.permission}` : `GitHub team ${code(target.team)}`;
  },
};
