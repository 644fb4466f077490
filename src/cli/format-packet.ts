import type { RolesBundle } from '../load/roles-bundle';
import { firstShift } from '../model/build/rotation-schedule';
import { addDays } from '../util/calendar-date';
import { personCapabilities, personGrants } from '../model/build/person-access';
import type { AccessModel, Grant, Justification, PersonAccess } from '../model/types';
import { grantSummary } from '../backends/renderers';
import { mdCode, mdText } from '../review/markdown-text';

/** What a packet is built from: the person's model at their first day (or the date), and at each rotation's join day. */
export interface PacketInput {
  readonly asOf: string;
  /** The model on the date the access is shown for: the start for someone not started yet, else the date. */
  readonly model: AccessModel;
  readonly person: PersonAccess;
  readonly bundle: RolesBundle;
  /** The model on a given day (for the day someone joins a rotation). */
  readonly modelOn: (date: string) => AccessModel | undefined;
}

/**
 * The Markdown packet for a hire and their lead (or for a leaver): their roles, every access they get
 * with the duty that justifies it, their on-call dates, and their first steps; for a leaver, what is
 * removed and when. Names and quotes come from the roles directory and are shown as written, in code
 * spans where they are identifiers.
 */
export function formatPacket(input: PacketInput): string {
  const { model, person, bundle } = input;
  const leaving = person.end !== undefined && person.end >= input.asOf;
  const left = person.end !== undefined && person.end < input.asOf;
  const leads = [
    ...new Set(bundle.roles.filter((role) => person.roles.includes(role.value.id)).flatMap((role) => role.value.maintainers)),
  ].filter((id) => id !== person.id);
  const lines: string[] = [`# Access packet: ${cell(person.name)} (${mdCode(person.id)})`, ''];
  lines.push(
    `For ${cell(person.name)} and ${leads.length ? leads.map((id) => `${mdCode(id)}`).join(', ') : 'their lead'}, as of ${input.asOf}.`,
    '',
  );
  lines.push(`- **Roles:** ${person.roles.map((id) => `${mdCode(id)}`).join(', ')}`);
  lines.push(`- **First day of access:** ${person.start}${person.end ? `; **last day:** ${person.end}` : ''}`);
  lines.push(`- **E-mail** (the AWS user name and the on-call contact): ${mdCode(person.email)}; **GitHub:** ${mdCode(person.github)}`, '');
  if (left) {
    lines.push(
      `Access ended after ${person.end}: nothing is granted on ${input.asOf}. Once a deploy has run after that day, every user, membership and rotation below is gone.`,
      '',
    );
  }
  const capabilities = personCapabilities(model, person);
  const grants = personGrants(model, person);
  lines.push(
    `## ${leaving ? `Access, removed after ${person.end}` : left ? 'Access removed' : 'Access'}${model.asOf !== input.asOf ? ` (from ${model.asOf})` : person.status === 'active' ? '' : ` (as of ${model.asOf})`}`,
    '',
  );
  if (leaving)
    lines.push(
      `All of it ends after **${person.end}**: the deploy on ${addDays(person.end ?? input.asOf, 1)} removes it: make sure one runs that day.`,
      '',
    );
  if (capabilities.length === 0) lines.push('None.', '');
  else {
    lines.push('| capability | risk | why | what it gives |', '| --- | --- | --- | --- |');
    const riskOf = new Map(model.capabilities.map((capability) => [capability.id, capability]));
    for (const capability of capabilities) {
      const held = grants.filter((grant) => grant.capabilityId === capability.id);
      lines.push(
        `| ${mdCode(capability.id)}: ${cell(riskOf.get(capability.id)?.description ?? '')} | ${riskOf.get(capability.id)?.risk.level ?? '?'} | ${capability.because.map(why).join('<br>')} | ${held.map(what).join('<br>') || '-'} |`,
      );
    }
    lines.push('');
  }
  lines.push(...oncallLines(input), ...stepLines(input, leaving || left));
  return `${lines.join('\n')}\n`;
}

function why(justification: Justification): string {
  const reason = justification.reason;
  if (reason.kind === 'duty')
    return `duty of ${mdCode(justification.roleId)}: “${cell(reason.quote)}” (${reason.jd.file}:${reason.jd.line})`;
  if (reason.kind === 'baseline') return `baseline of ${mdCode(justification.roleId)}: ${cell(reason.reason)}`;
  return `role ${mdCode(justification.roleId)}`;
}

function what(grant: Grant): string {
  return grantSummary(grant.target, (text) => mdCode(text));
}

function oncallLines(input: PacketInput): string[] {
  const { person, bundle } = input;
  const granted = new Set(
    input.model.roles
      .filter((role) => person.roles.includes(role.id))
      .flatMap((role) => role.grants.flatMap((grant) => (grant.target.backend === 'oncall' ? [grant.target.rotation] : []))),
  );
  const rotations = bundle.rotations.map((located) => located.value).filter((rotation) => granted.has(rotation.id));
  if (rotations.length === 0) return [];
  const lines = ['## On call', ''];
  if (person.oncallOptOut) return [...lines, `Opted out of every rotation: ${cell(person.oncallOptOut)}`, ''];
  for (const rotation of rotations) {
    const join = addDays(person.start, rotation.rampDays);
    const shadow =
      rotation.shadow && rotation.rampDays > 0 ? ` Until then, shadowing in ${mdCode(rotation.shadow)} from ${person.start}.` : '';
    const layer = input.modelOn(join)?.oncall.rotations.find((candidate) => candidate.id === rotation.id)?.layer;
    const first = layer ? firstShift(layer, person.id, join) : undefined;
    const ends = person.end !== undefined && join > person.end;
    const handoff = rotation.handoff ?? bundle.org?.value.oncall.handoff;
    const shift = first
      ? ` First shift: the week from ${first}${handoff ? ` (hand-off ${handoff.day} ${handoff.time}, ${bundle.org?.value.oncall.timeZone ?? ''})` : ''}.`
      : '';
    const leaves = person.end !== undefined && !ends ? ` Leaves it after ${person.end}.` : '';
    const text = ends
      ? 'never joins: access ends first.'
      : join <= input.asOf
        ? `in it since ${join}.${leaves}`
        : `joins on ${join}, after ${rotation.rampDays} days of ramp-up.${shadow}${shift}${leaves}`;
    lines.push(`- **${cell(rotation.name)}** (${mdCode(rotation.id)}): ${text}`);
  }
  return [...lines, ''];
}

function stepLines(input: PacketInput, leaving: boolean): string[] {
  const { model, person } = input;
  if (leaving) {
    return [
      '## Leaving steps',
      '',
      `1. Hand over: nobody should rely on ${cell(person.name)} for anything above after the last day.`,
      '2. The deploy after the last day removes the AWS user and its group memberships (or Identity Center user and assignments), the GitHub organisation and team memberships, and the on-call user and schedule places.',
      `3. Run \`rolecall offboard --remove\` once the entry's history is no longer needed; until then it documents who held what.`,
      '',
    ];
  }
  const teams = model.github.teams
    .filter((team) => team.members.some((member) => member.personId === person.id))
    .map((team) => `${mdCode(team.slug)}`);
  const awsAccounts = [
    ...new Set(personGrants(model, person).flatMap((grant) => (grant.target.backend === 'aws' ? [grant.target.account] : []))),
  ].sort();
  const steps = [
    `Accept the invitation to the GitHub organisation ${mdCode(model.github.org)} sent to ${mdCode(person.github)}${teams.length ? `; you will be in ${teams.join(', ')}` : ''}.`,
  ];
  if (awsAccounts.length) {
    steps.push(
      model.aws.mode === 'identity-center'
        ? `Accept the AWS IAM Identity Center invitation sent to ${mdCode(person.email)}, sign in to the AWS access portal and register an MFA device; you get ${awsAccounts.join(', ')}.`
        : `AWS (${awsAccounts.join(', ')}): rolecall creates your IAM user ${mdCode(person.email.toLowerCase())} with no password and no access key. An administrator sets a first console password (\`aws iam create-login-profile --user-name ${person.email.toLowerCase()} --password-reset-required\`); sign in, change it, and register an MFA device, without which the MFA policy denies everything else.`,
    );
  }
  if (model.oncall.contacts.some((contact) => contact.personId === person.id) || input.bundle.rotations.length > 0) {
    steps.push(
      model.oncall.backend === 'pagerduty'
        ? `PagerDuty: accept the invitation sent to ${mdCode(person.email)}, add a phone number and the mobile app as contact methods, and set notification rules before your first shift.`
        : `Incident Manager: activate the e-mail contact channel with the code sent to ${mdCode(person.email)} (\`aws ssm-contacts activate-contact-channel\`) before your first shift.`,
    );
  }
  return ['## First steps', '', ...steps.map((step, index) => `${index + 1}. ${step}`), ''];
}

/** Text from the roles directory, escaped so that it is shown as written (see markdown-text). */
function cell(text: string): string {
  return mdText(text, 500);
}
