import type { AuditRule } from '../finding';
import { at, expected } from './drift-index';

/** A GitHub team the roles know nothing of: not wrong in itself, listed so the export's scope is visible. */
export const unmanagedTeam: AuditRule = {
  id: 'Drift-UnmanagedTeam',
  category: 'drift',
  description: 'a GitHub team no role or capability names',
  needs: 'github',
  check: ({ model, actual }) => {
    const { github } = expected(model);
    return (actual.github?.teams ?? [])
      .filter((team) => !github.teams.has(team.slug.toLowerCase()) && team.slug.toLowerCase() !== model.github.parentTeam?.toLowerCase())
      .map((team) => {
        const members = (actual.github?.teamMembers ?? []).filter((member) => member.team.toLowerCase() === team.slug.toLowerCase()).length;
        return {
          detail: `github:${team.slug}`,
          severity: 'info' as const,
          subject: `github:team/${team.slug}`,
          message: `team ${team.slug} is not managed by rolecall (${members} member${members === 1 ? '' : 's'})`,
          evidence: [`${at(team.from)}: team ${team.name} (${team.slug})`],
        };
      });
  },
};
