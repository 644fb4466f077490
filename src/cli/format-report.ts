import { accessSummary, type AccessSummary } from '../model/build/person-access';
import type { AccessModel, PersonAccess, RiskAcceptance } from '../model/types';

/** A Markdown access report of the model: people, roles, capabilities with risk and justification. */
export function accessReport(model: AccessModel): string {
  const riskOf = new Map(model.capabilities.map((capability) => [capability.id, capability.risk]));
  const lines: string[] = [`# Access report: ${model.org.name}, as of ${model.asOf}`, ''];
  const active = model.people.filter((person) => person.status === 'active');
  const summaries = new Map(active.map((person) => [person.id, accessSummary(model, person)]));
  const summaryOf = (person: PersonAccess): AccessSummary | undefined => summaries.get(person.id);
  const grants = active.reduce((sum, person) => sum + (summaryOf(person)?.grants ?? 0), 0);
  const baselineOnly = active.flatMap((person) =>
    (summaryOf(person)?.baselineOnly ?? []).map((capability) => `${person.id}: ${capability}`),
  );
  const holders = new Map<string, number>();
  for (const summary of summaries.values()) for (const id of summary.capabilities) holders.set(id, (holders.get(id) ?? 0) + 1);
  const rotationsOf = new Map<string, string[]>();
  for (const rotation of model.oncall.rotations)
    for (const id of rotation.members) rotationsOf.set(id, [...(rotationsOf.get(id) ?? []), rotation.id]);
  lines.push(
    `${active.length} of ${model.people.length} people active, ${model.roles.length} roles, ${model.capabilities.length} capabilities, ${grants} grants; ` +
      `every grant traces to a JD duty or a written baseline reason (${baselineOnly.length} baseline-only).`,
    '',
    '## People',
    '',
    '| person | status | roles | capabilities | grants | highest risk | on call |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const person of model.people) {
    const summary = summaryOf(person);
    const highest = person.githubOwner ? 'high (GitHub owner)' : (summary?.highest ?? '-');
    const rotations = rotationsOf.get(person.id) ?? [];
    const status =
      person.status === 'active'
        ? 'active'
        : `${person.status} (${person.status === 'not-started' ? `starts ${person.start}` : `ended ${person.end ?? ''}`})`;
    lines.push(
      `| ${person.id} | ${status} | ${person.roles.join(', ')} | ${summary?.capabilities.size ?? 0} | ${summary?.grants ?? 0} | ${highest} | ${person.oncallOptOut ? 'opted out' : rotations.join(', ') || '-'} |`,
    );
  }
  lines.push('', '## Roles', '', '| role | JD | holders | capabilities (risk) |', '| --- | --- | --- | --- |');
  for (const role of model.roles) {
    const capabilities = role.capabilities.map((capability) => `${capability.id} (${riskOf.get(capability.id)?.level ?? '?'})`).join(', ');
    lines.push(`| ${role.id} | ${role.jd} | ${role.members.length} | ${capabilities} |`);
  }
  lines.push(
    '',
    '## Capabilities',
    '',
    '| capability | risk | computed / declared | accepted | holders | justified by |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const capability of model.capabilities) {
    const duties = model.roles.flatMap((role) =>
      (role.capabilities.find((held) => held.id === capability.id)?.because ?? []).map((justification) =>
        justification.reason.kind === 'duty'
          ? `${role.id} duty at ${justification.reason.jd.file}:${justification.reason.jd.line}`
          : `${role.id} baseline`,
      ),
    );
    lines.push(
      `| ${capability.id} | ${capability.risk.level} | ${capability.risk.computed} / ${capability.risk.declared} | ${acceptedCell(capability.risk.accepted)} | ${holders.get(capability.id) ?? 0} | ${duties.join('; ') || 'no role'} |`,
    );
  }
  const high = model.capabilities.filter((capability) => capability.risk.level === 'high');
  if (high.length) {
    lines.push('', '## High-risk capabilities', '');
    for (const capability of high) {
      lines.push(`- **${capability.id}**: ${acceptanceText(capability.risk.accepted)}`);
      for (const reason of capability.risk.reasons) lines.push(`  - ${reason}`);
    }
  }
  lines.push('', '## Provisioning', '');
  lines.push(
    `- AWS (${model.aws.mode}): ${model.aws.roles.filter((role) => role.accounts.length).length} groups, ${model.aws.users.length} users, accounts ${model.aws.accounts.map((account) => account.name).join(', ')}`,
  );
  lines.push(
    `- GitHub ${model.github.org}: ${model.github.members.length} members, ${model.github.teams.length} teams, ${model.github.teams.reduce((sum, team) => sum + team.repositories.length, 0)} team repository permissions`,
  );
  lines.push(
    `- On call (${model.oncall.backend}, ${model.oncall.timeZone}): ${model.oncall.rotations.map((rotation) => `${rotation.id} (${rotation.members.length})`).join(', ')}`,
  );
  return `${lines.join('\n')}\n`;
}

/** An acceptance in a table cell: who and when (`amara-okafor, 2026-02-09 to 2027-02-09`), or `-`. */
function acceptedCell(accepted: RiskAcceptance | undefined): string {
  return accepted ? `${accepted.by.join(', ')}, ${accepted.on}${accepted.expires ? ` to ${accepted.expires}` : ''}` : '-';
}

/** An acceptance in words: who, when, for which roles, until when, where it is written and why. */
function acceptanceText(accepted: RiskAcceptance | undefined): string {
  if (!accepted) return 'NOT accepted';
  const until = accepted.expires ? `until ${accepted.expires}` : 'no expiry';
  return `accepted by ${accepted.by.join(', ')} on ${accepted.on} for ${accepted.roles.join(', ')}, ${until} (${accepted.at.file}:${accepted.at.line}): ${accepted.reason}`;
}
