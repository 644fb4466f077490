import type { Role } from '../model/types';
import { compareText } from '../util/compare-text';
import { EMPTY_ACCESS, normalise, reasonKey, type AccessSet, type Provider } from './access-set';
import { unchangedRole, type DiffSide } from './diff-side';
import type { JdAnchor, JustificationChanges, ReasonView } from './diff-types';
import type { RolePair } from './match-roles';

interface Duty {
  readonly quote: string;
  readonly at: { readonly file: string; readonly line: number };
  readonly jd: JdAnchor;
  readonly capabilities: ReadonlySet<string>;
}

/**
 * Justification changes of each role (renamed roles compared with their old selves): duty quotes added
 * and removed, quotes the JD now anchors in another section or passage, and access held on both sides
 * whose reasons changed. Roles are named by their head id. Unsorted: `sortDiff` orders them.
 */
export function justificationChanges(base: DiffSide, head: DiffSide, pairs: readonly RolePair[]): JustificationChanges {
  const duties: JustificationChanges['duties'][number][] = [];
  const anchors: JustificationChanges['anchors'][number][] = [];
  const rejustified: JustificationChanges['rejustified'][number][] = [];
  for (const pair of pairs) {
    const from = pair.base ? base.roles.get(pair.base) : undefined;
    const to = pair.head ? head.roles.get(pair.head) : undefined;
    const role = to?.id ?? from?.id ?? '';
    const before = dutiesOf(from);
    const after = dutiesOf(to);
    for (const [key, duty] of after)
      if (!before.has(key))
        duties.push({ role, change: 'added', quote: duty.quote, at: duty.at, capabilities: [...duty.capabilities].sort(compareText) });
    for (const [key, duty] of before)
      if (!after.has(key))
        duties.push({ role, change: 'removed', quote: duty.quote, at: duty.at, capabilities: [...duty.capabilities].sort(compareText) });
    for (const [key, duty] of after) {
      const old = before.get(key);
      if (!old || (old.jd.section === duty.jd.section && normalise(old.jd.text) === normalise(duty.jd.text))) continue;
      anchors.push({ role, quote: [old.quote, duty.quote].sort(compareText)[0] ?? duty.quote, from: old.jd, to: duty.jd });
    }
    // A role granting the same access for the same reasons on both sides has nothing rejustified.
    if (from && to && !(pair.base && unchangedRole(base, head, pair.base, to.id)))
      rejustified.push(
        ...rejustifiedAccess(
          role,
          pair.base ? base.roleAccess(pair.base) : EMPTY_ACCESS,
          head.roleAccess(to.id),
          reasonTexts(from),
          reasonTexts(to),
        ),
      );
  }
  // Sorted with the rest of the diff by `sortDiff`.
  return { duties, anchors, rejustified };
}

function dutiesOf(role: Role | undefined): Map<string, Duty> {
  const duties = new Map<string, { quote: string; at: Duty['at']; jd: JdAnchor; capabilities: Set<string> }>();
  for (const capability of role?.capabilities ?? []) {
    for (const { reason } of capability.because) {
      if (reason.kind !== 'duty') continue;
      const key = normalise(reason.quote);
      const duty = duties.get(key) ?? {
        quote: reason.quote,
        at: reason.at,
        jd: { file: reason.jd.file, line: reason.jd.line, section: reason.jd.section, text: reason.jd.text },
        capabilities: new Set<string>(),
      };
      duty.capabilities.add(capability.id);
      duties.set(key, duty);
    }
  }
  return duties;
}

/** Reason key → the reason as written in this role. */
function reasonTexts(role: Role): Map<string, ReasonView> {
  const texts = new Map<string, ReasonView>();
  for (const capability of role.capabilities) {
    for (const justification of capability.because) {
      const key = reasonKey(justification);
      const { reason } = justification;
      if (key === undefined || texts.has(key) || reason.kind === 'role') continue;
      texts.set(key, { kind: reason.kind, text: reason.kind === 'duty' ? reason.quote : reason.reason });
    }
  }
  return texts;
}

/** Access held on both sides whose reasons differ, grouped by the reasons before and after. */
function rejustifiedAccess(
  role: string,
  before: AccessSet,
  after: AccessSet,
  textsBefore: Map<string, ReasonView>,
  textsAfter: Map<string, ReasonView>,
): JustificationChanges['rejustified'] {
  const groups = new Map<string, { before: string[]; after: string[]; access: string[] }>();
  const compare = (label: () => string, from: readonly Provider[], to: readonly Provider[]): void => {
    const keysBefore = reasonsOf(from);
    const keysAfter = reasonsOf(to);
    if (keysBefore === keysAfter || keysBefore.join('\n') === keysAfter.join('\n')) return;
    const group = `${keysBefore.join('\u0001')}\u0000${keysAfter.join('\u0001')}`;
    const entry = groups.get(group) ?? { before: [...keysBefore], after: [...keysAfter], access: [] };
    entry.access.push(label());
    groups.set(group, entry);
  };
  for (const [key, held] of after.aws) {
    const old = before.aws.get(key);
    if (!old) continue;
    const label = (): string => {
      const { item } = held;
      // One key, maybe two spellings (`s3:getobject`, `s3:GetObject`): the same one whichever side is the head.
      const action = [old.item.action, item.action].sort(compareText)[0] ?? item.action;
      const account = [old.item.account, item.account].sort(compareText)[0] ?? item.account;
      return item.kind === 'policy'
        ? `aws ${account} policy ${action}`
        : `aws ${account} ${item.effect === 'Deny' ? 'deny ' : ''}${action} on ${item.resource}${item.conditions ? ` if ${item.conditions}` : ''}`;
    };
    compare(label, old.providers, held.providers);
  }
  for (const [key, held] of after.repositories) {
    const old = before.repositories.get(key);
    if (old && old.permission === held.permission) compare(() => `github ${key}: ${held.permission}`, old.providers, held.providers);
  }
  for (const [slug, providers] of after.teams) {
    const old = before.teams.get(slug);
    if (old) compare(() => `github team ${slug}`, old, providers);
  }
  for (const [id, providers] of after.rotations) {
    const old = before.rotations.get(id);
    if (old) compare(() => `on-call ${id}`, old, providers);
  }
  const views = (keys: readonly string[], texts: Map<string, ReasonView>): ReasonView[] =>
    keys.map((key) => texts.get(key) ?? { kind: key.startsWith('duty') ? 'duty' : 'baseline', text: key.slice(key.indexOf('\u0000') + 1) });
  return [...groups.values()].map((group) => ({
    role,
    before: views(group.before, textsBefore),
    after: views(group.after, textsAfter),
    access: [...group.access].sort(compareText),
  }));
}

/** The reason keys of some providers, sorted; a lone provider's are its own (already sorted and unique). */
function reasonsOf(providers: readonly Provider[]): readonly string[] {
  const only = providers.length === 1 ? providers[0] : undefined;
  if (only) return only.reasons;
  return [...new Set(providers.flatMap((provider) => provider.reasons))].sort(compareText);
}
