import type { AuditRule, RuleFinding } from '../finding';
import { at, expected, isLeaver, peopleIndex } from './drift-index';

/**
 * A member of the GitHub organisation whom the roles do not explain, or an organisation admin who is
 * not an owner in org.yaml (high: owners can change everything). Leavers are the leaver rule's.
 */
export const unexplainedGithubMember: AuditRule = {
  id: 'Drift-UnexplainedGithubMember',
  category: 'drift',
  description: 'a GitHub organisation member or admin the roles do not explain',
  needs: 'github',
  check: ({ model, actual }) => {
    const { github } = expected(model);
    const people = peopleIndex(model);
    const findings: RuleFinding[] = [];
    for (const member of actual.github?.members ?? []) {
      const login = member.login.toLowerCase();
      const wanted = github.members.get(login);
      const person = people.byLogin(login);
      if (isLeaver(person)) continue;
      if (wanted && !(member.role === 'admin' && wanted.role !== 'admin')) continue;
      const admin = member.role === 'admin';
      findings.push({
        detail: `${model.github.org}:${member.login}${wanted ? ':admin' : ''}`,
        severity: admin ? 'high' : 'medium',
        subject: person?.id ?? `github:${member.login}`,
        message: wanted
          ? `${member.login} is an admin of ${model.github.org}, but not an owner in org.yaml`
          : `${member.login} is a${admin ? 'n admin' : ' member'} of ${model.github.org}, and no role explains it`,
        evidence: [
          `${at(member.from)}: ${member.login}${member.role ? ` (${member.role})` : ''}`,
          person
            ? `${person.id} holds ${person.roles.join(', ') || 'no role'} (${person.status})`
            : 'no person in people.yaml has this login',
        ],
      });
    }
    return findings;
  },
};
