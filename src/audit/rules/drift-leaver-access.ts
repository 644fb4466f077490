import type { AuditRule, RuleFinding } from '../finding';
import { at, peopleIndex } from './drift-index';

/** Someone whose end date has passed and who still has a user, a membership or a team anywhere a source covers. */
export const leaverAccess: AuditRule = {
  id: 'Drift-LeaverAccess',
  category: 'drift',
  description: 'a person who has left and still has access',
  needs: 'aws-or-github',
  check: ({ model, actual }) => {
    const people = peopleIndex(model);
    const findings: RuleFinding[] = [];
    const report = (personId: string, end: string | undefined, key: string, place: string, where: string): void => {
      findings.push({
        detail: `${personId}:${key}`,
        severity: 'high',
        subject: personId,
        message: `${personId} left on ${end ?? '?'} and still has ${place}`,
        evidence: [where],
      });
    };
    const leaver = (person: ReturnType<typeof people.byLogin>) => (person?.status === 'ended' ? person : undefined);
    for (const user of actual.iam?.users ?? []) {
      const person = leaver(people.byUserName(user.name));
      if (person)
        report(
          person.id,
          person.end,
          `iam:${user.accountId}`,
          `IAM user ${user.name} in account ${user.accountId}${user.groups.length ? ` (groups ${user.groups.join(', ')})` : ''}`,
          `${at(user.from)}: user ${user.name}`,
        );
    }
    for (const user of actual.identityCenter?.users ?? []) {
      const person = leaver(people.byUserName(user.userName));
      if (person)
        report(
          person.id,
          person.end,
          'identity-center',
          `Identity Center user ${user.userName}`,
          `${at(user.from)}: user ${user.userName} (${user.id})`,
        );
    }
    for (const member of actual.github?.members ?? []) {
      const person = leaver(people.byLogin(member.login));
      if (person)
        report(
          person.id,
          person.end,
          `github:${model.github.org}`,
          `membership of GitHub organisation ${model.github.org} as ${member.login}`,
          `${at(member.from)}: ${member.login}`,
        );
    }
    for (const member of actual.github?.teamMembers ?? []) {
      const person = leaver(people.byLogin(member.login));
      if (person)
        report(
          person.id,
          person.end,
          `github-team:${member.team}`,
          `membership of GitHub team ${member.team}`,
          `${at(member.from)}: ${member.login} in ${member.team}`,
        );
    }
    for (const user of actual.pagerduty?.users ?? []) {
      const person = leaver(people.byUserName(user.email));
      if (person)
        report(person.id, person.end, 'pagerduty', `PagerDuty user ${user.email}`, `${at(user.from)}: user ${user.id} ${user.email}`);
    }
    return findings;
  },
};
