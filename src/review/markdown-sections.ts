import type { RiskLevel } from '../schema';
import type { AccessDiff, AcceptanceView, AwsChanges, CapabilityChange, GithubChanges, RiskItem, RoleChange } from './diff-types';
import { failsGate, gateReads } from './fail-on';
import { mdCode, mdCodeList, mdText } from './markdown-text';
import { transition } from './markdown-people';

/** A table: its header (with the delimiter row) and one line per row, for `CommentBudget.section`. */
export interface Table {
  readonly head: string;
  readonly rows: readonly string[];
}

const KIND_WORDS: Readonly<Record<RiskItem['kind'], string>> = {
  'access-gained': 'access gained',
  'access-lost': 'access lost',
  'deny-removed': 'deny lifted',
  'deny-added': 'deny added: narrows kept access',
  'risk-raised': 'risk raised',
  'risk-lowered': 'risk lowered',
  'acceptance-added': 'acceptance added',
  'acceptance-removed': 'acceptance removed',
  'acceptance-widened': 'acceptance widened to more roles',
  'acceptance-narrowed': 'acceptance narrowed',
  'acceptance-extended': 'acceptance extended',
  'acceptance-shortened': 'acceptance shortened',
  'acceptance-changed': 'acceptance changed',
  'owner-added': 'GitHub organisation owner added',
  'owner-removed': 'GitHub organisation owner removed',
};

/** A risk item in words, for the call-outs and the risk table. */
export function riskWords(item: RiskItem): string {
  return KIND_WORDS[item.kind];
}

/**
 * An item's acceptance in words, only where the gate at `level` reads one (access added at or above
 * it): `accepted`, or why it fails the gate, in bold. Nothing below the level, and nothing for access
 * lost, needs an acceptance, so nothing is said there.
 */
export function acceptedWords(item: RiskItem, level: RiskLevel): string {
  if (!gateReads(item, level)) return '';
  if (!failsGate(item)) return 'accepted';
  if (item.kind === 'deny-removed') return '**fails the gate**: an acceptance does not cover a lifted deny';
  if (item.kind === 'owner-added') return '**fails the gate**: nothing accepts a new owner';
  return '**not accepted**';
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): Table {
  return {
    head: `| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |\n`,
    rows: rows.map((cells) => `| ${cells.join(' | ')} |\n`),
  };
}

/** Risk items, highest first; the acceptance column only where the gate at `level` reads one. */
export function riskTable(items: readonly RiskItem[], level: RiskLevel): Table {
  const gated = items.some((item) => acceptedWords(item, level) !== '');
  return table(
    ['risk', 'change', 'capability', 'through roles', 'people', ...(gated ? [`acceptance (${level} and above)`] : [])],
    items.map((item) => [
      item.level === 'high' ? '**high**' : item.level,
      riskWords(item),
      item.capability ? mdCode(item.capability) : '-',
      mdCodeList(item.roles, 5),
      peopleCell(item.people),
      ...(gated ? [acceptedWords(item, level)] : []),
    ]),
  );
}

/** Roles whose definition changed. */
export function roleTable(roles: readonly RoleChange[]): Table {
  return table(
    ['role', 'change', 'team', 'capabilities', 'access', 'people affected'],
    roles.map((role) => [
      mdCode(role.id),
      role.change === 'renamed' ? `renamed from ${mdCode(role.from ?? '')}` : role.change,
      role.team ? transition(role.team, true) : '',
      [
        role.capabilities.added.length ? `+ ${mdCodeList(role.capabilities.added, 5)}` : '',
        role.capabilities.removed.length ? `− ${mdCodeList(role.capabilities.removed, 5)}` : '',
      ]
        .filter(Boolean)
        .join('<br>'),
      accessCell(role.aws, role.github, role.oncall),
      peopleCell(role.members),
    ]),
  );
}

/** Capabilities whose grants, risk or acceptance changed. */
export function capabilityTable(capabilities: readonly CapabilityChange[]): Table {
  return table(
    ['capability', 'change', 'risk', 'acceptance', 'access', 'roles', 'people affected'],
    capabilities.map((capability) => [
      mdCode(capability.id),
      capability.change,
      capability.risk ? transition(capability.risk) : '',
      capability.acceptance ? acceptanceCell(capability.acceptance.from, capability.acceptance.to) : '',
      accessCell(capability.aws, capability.github, capability.oncall),
      mdCodeList(capability.roles, 5),
      peopleCell(capability.people),
    ]),
  );
}

/** Rotations whose members, order or schedule changed. */
export function rotationTable(rotations: AccessDiff['rotations']): Table {
  return table(
    ['rotation', 'change', 'joined', 'left', 'hand-off order', 'schedule'],
    rotations.map((rotation) => [
      mdCode(rotation.id),
      rotation.change,
      mdCodeList(rotation.joined),
      mdCodeList(rotation.left),
      rotation.order ? `${mdCodeList(rotation.order.from)} → ${mdCodeList(rotation.order.to)}` : '',
      rotation.schedule ? transition(rotation.schedule) : '',
    ]),
  );
}

/** Duty quotes added and removed, quotes anchored elsewhere in their JD, and access whose reasons changed. */
export function justificationTables(justifications: AccessDiff['justifications']): Table[] {
  const anchor = (at: { readonly file: string; readonly line: number; readonly section: string; readonly text: string }): string =>
    `${mdCode(`${at.file}:${at.line}`)} in ${mdText(at.section, 60)}: ${mdText(at.text, 120)}`;
  const reasons = (list: readonly { readonly kind: string; readonly text: string }[]): string =>
    list.map((reason) => `${reason.kind} ${mdText(reason.text, 120)}`).join('<br>') || 'none';
  return [
    table(
      ['role', 'duty', 'quote', 'written at', 'capabilities'],
      justifications.duties.map((duty) => [
        mdCode(duty.role),
        duty.change,
        mdText(duty.quote, 160),
        mdCode(`${duty.at.file}:${duty.at.line}`),
        mdCodeList(duty.capabilities, 5),
      ]),
    ),
    table(
      ['role', 'quote', 'JD anchor before', 'JD anchor now'],
      justifications.anchors.map((entry) => [mdCode(entry.role), mdText(entry.quote, 160), anchor(entry.from), anchor(entry.to)]),
    ),
    table(
      ['role', 'held for other reasons', 'reasons before', 'reasons now'],
      justifications.rejustified.map((entry) => [
        mdCode(entry.role),
        mdCodeList(entry.access, 5),
        reasons(entry.before),
        reasons(entry.after),
      ]),
    ),
  ];
}

function acceptanceCell(from: AcceptanceView | undefined, to: AcceptanceView | undefined): string {
  const words = (view: AcceptanceView): string =>
    `by ${mdCodeList(view.by, 5)} on ${view.on} for ${mdCodeList(view.roles, 5)}${view.expires ? ` until ${view.expires}` : ''} (${mdCode(`${view.at.file}:${view.at.line}`)})`;
  if (!from && to) return `added: ${words(to)}`;
  if (from && !to) return `removed (was ${words(from)})`;
  return from && to ? `${words(from)}<br>→ ${words(to)}` : '';
}

/** Gained and lost access in a cell: the first few actions, repositories, teams and rotations. */
function accessCell(
  aws: AwsChanges,
  github: GithubChanges,
  oncall: { readonly joined: readonly string[]; readonly left: readonly string[] },
): string {
  const parts: string[] = [];
  const actions = (side: AwsChanges['gained']): string[] =>
    side.flatMap((statement) => statement.actions.map((action) => `${action} (${statement.account})`));
  const gained = [...actions(aws.gained), ...aws.policiesGained.map((policy) => `${policy.arn} (${policy.account})`)];
  const lost = [...actions(aws.lost), ...aws.policiesLost.map((policy) => `${policy.arn} (${policy.account})`)];
  if (gained.length) parts.push(`+ ${mdCodeList(gained, 5)}`);
  if (lost.length) parts.push(`− ${mdCodeList(lost, 5)}`);
  for (const repository of github.repositories) parts.push(`${mdCode(repository.name)}: ${transition(repository)}`);
  for (const team of github.teams) parts.push(`team ${mdCode(team.name)}: ${team.to ? 'joins' : 'leaves'}`);
  if (oncall.joined.length) parts.push(`joins ${mdCodeList(oncall.joined)}`);
  if (oncall.left.length) parts.push(`leaves ${mdCodeList(oncall.left)}`);
  return parts.join('<br>') || 'no change';
}

function peopleCell(people: readonly string[]): string {
  return people.length === 0 ? '-' : `${people.length}: ${mdCodeList(people, 8)}`;
}
