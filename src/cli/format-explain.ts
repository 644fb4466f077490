import { personCapabilities, personGrants } from '../model/build/person-access';
import { statementLines } from '../backends/aws/render';
import { grantExplainLines } from '../backends/renderers';
import type { GrantTextOptions } from '../backends/types';
import type { AccessModel, Grant, Justification, PersonAccess, Risk, Role } from '../model/types';

/** Options for explaining: how to show wildcard actions. */
/** Options of `explain`: how a grant reads in full. */
export type ExplainOptions = GrantTextOptions;

/** A person's access, every grant traced to the JD line that justifies it. */
export function explainPerson(model: AccessModel, person: PersonAccess, options: ExplainOptions = {}): string {
  const lines: string[] = [];
  lines.push(`${person.name} (${person.id}) <${person.email}>, GitHub ${person.github}`);
  lines.push(`  defined at ${person.at.file}:${person.at.line}`);
  lines.push(`  roles: ${person.roles.join(', ')}`);
  const period = `start ${person.start}${person.end ? `, end ${person.end}` : ''}`;
  if (person.status !== 'active') {
    lines.push(`  status on ${model.asOf}: ${person.status} (${period}): no access is granted`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(`  status on ${model.asOf}: active (${period})`);
  if (person.oncallOptOut) lines.push(`  on-call opt-out: ${person.oncallOptOut}`);
  if (person.githubOwner) {
    lines.push(
      `  GitHub organisation owner  [risk high] (${person.githubOwner.at.file}:${person.githubOwner.at.line}): admin of every repository and of ${model.github.org} itself`,
    );
  }
  const riskOf = new Map(model.capabilities.map((capability) => [capability.id, capability.risk]));
  const grantsHeld = personGrants(model, person);
  for (const capability of personCapabilities(model, person)) {
    const risk = riskOf.get(capability.id);
    lines.push('');
    lines.push(
      `capability ${capability.id}  [risk ${risk ? `${risk.level}, computed ${risk.computed}` : 'unknown'}${risk?.accepted ? ', accepted' : ''}]`,
    );
    lines.push(...acceptanceLines(risk));
    for (const reason of risk?.reasons ?? []) lines.push(`  risk: ${reason}`);
    lines.push(...conditionLines(risk?.conditions ?? []));
    lines.push(...capability.because.map((justification) => `  ${justificationLine(justification)}`));
    const grants = grantsHeld.filter((grant) => grant.capabilityId === capability.id);
    if (!grants.length) lines.push('  grants nothing concrete yet');
    for (const grant of grants) lines.push(...grantLines(grant, options).map((line) => `  ${line}`));
  }
  const rotations = model.oncall.rotations.filter((rotation) => rotation.members.includes(person.id));
  if (rotations.length) {
    lines.push('');
    lines.push(
      `on call: ${rotations.map((rotation) => `${rotation.id} (position ${rotation.members.indexOf(person.id) + 1} of ${rotation.members.length})`).join(', ')}`,
    );
  }
  const teams = model.github.teams.filter((team) => team.members.some((member) => member.personId === person.id));
  if (teams.length) {
    lines.push(
      `GitHub teams: ${teams.map((team) => `${team.slug}${team.members.find((member) => member.personId === person.id)?.role === 'maintainer' ? ' (maintainer)' : ''}`).join(', ')}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A role: its JD, duties with their JD lines, the capabilities they justify, holders and access. */
export function explainRole(model: AccessModel, role: Role, options: ExplainOptions = {}): string {
  const lines: string[] = [];
  lines.push(`${role.title} (${role.id}), JD ${role.jd}`);
  lines.push(`  defined at ${role.at.file}:${role.at.line}`);
  lines.push(`  holders on ${model.asOf}: ${role.members.length ? role.members.join(', ') : 'none'}`);
  const riskOf = new Map(model.capabilities.map((capability) => [capability.id, capability.risk]));
  for (const capability of role.capabilities) {
    const risk = riskOf.get(capability.id);
    lines.push('');
    lines.push(
      `capability ${capability.id}  [risk ${risk ? `${risk.level}, computed ${risk.computed}` : 'unknown'}${risk?.accepted ? ', accepted' : ''}]`,
    );
    lines.push(...acceptanceLines(risk));
    lines.push(...capability.because.map((justification) => `  ${justificationLine(justification)}`));
  }
  const aws = model.aws.roles.find((candidate) => candidate.roleId === role.id);
  for (const account of aws?.accounts ?? []) {
    lines.push('');
    lines.push(`AWS ${account.account} (${account.accountId}): ${account.capabilities.join(', ')}`);
    for (const arn of account.managedPolicyArns) lines.push(`  managed policy ${arn}`);
    for (const statement of account.statements) lines.push(...statementLines(statement, options).map((line) => `  ${line}`));
  }
  const team = model.github.teams.find((candidate) => candidate.roleId === role.id);
  if (team) {
    lines.push('');
    lines.push(
      `GitHub team ${team.slug}: ${team.members.map((member) => `${member.login}${member.role === 'maintainer' ? ' (maintainer)' : ''}`).join(', ') || 'no members'}`,
    );
    for (const repository of team.repositories)
      lines.push(`  ${repository.name}: ${repository.permission} (${repository.capabilities.join(', ')})`);
  }
  return `${lines.join('\n')}\n`;
}

function justificationLine(justification: Justification): string {
  const reason = justification.reason;
  switch (reason.kind) {
    case 'duty':
      return `because ${justification.roleId} duty "${reason.quote}" (${reason.at.file}:${reason.at.line} -> ${reason.jd.file}:${reason.jd.line}, ${reason.jd.section})`;
    case 'baseline':
      return `because ${justification.roleId} baseline: ${reason.reason} (${reason.at.file}:${reason.at.line})`;
    case 'role':
      return `because ${justification.roleId} (${reason.at.file}:${reason.at.line})`;
  }
}

function grantLines(grant: Grant, options: ExplainOptions): string[] {
  return grantExplainLines(grant.target, options);
}

/** Who accepted a capability's risk, when, for which roles and until when, and why. */
function acceptanceLines(risk: Risk | undefined): string[] {
  const accepted = risk?.accepted;
  if (!accepted) return [];
  const until = accepted.expires ? `until ${accepted.expires}` : 'no expiry';
  return [
    `  accepted by ${accepted.by.join(', ')} on ${accepted.on} for ${accepted.roles.join(', ')}, ${until} (${accepted.at.file}:${accepted.at.line}): ${accepted.reason}`,
  ];
}

/** How the rating read each condition: taken into account (and how) or not. */
function conditionLines(conditions: Risk['conditions']): string[] {
  const taken = conditions.filter((note) => note.effect !== 'ignored');
  const ignored = conditions.filter((note) => note.effect === 'ignored');
  return [
    ...taken.map((note) => `  condition taken into account: ${note.condition} (${note.why})`),
    ...ignored.map((note) => `  condition not taken into account: ${note.condition} (${note.why})`),
  ];
}
