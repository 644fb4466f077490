import type { Rotation } from '../model/types';
import { compareText } from '../util/compare-text';
import type { DiffSide } from './diff-side';
import type { RotationChange } from './diff-types';
import { valueChange } from './person-changes';

/**
 * Rotations whose members, hand-off order or schedule changed, sorted by id. The order is reported when
 * the people on both sides are handed over in another order, not when someone only joins or leaves.
 */
export function rotationChanges(base: DiffSide, head: DiffSide): RotationChange[] {
  const before = new Map(base.model.oncall.rotations.map((rotation) => [rotation.id, rotation]));
  const after = new Map(head.model.oncall.rotations.map((rotation) => [rotation.id, rotation]));
  const changes: RotationChange[] = [];
  for (const id of [...new Set([...before.keys(), ...after.keys()])].sort(compareText)) {
    const from = before.get(id);
    const to = after.get(id);
    const fromMembers = from?.members ?? [];
    const toMembers = to?.members ?? [];
    const fromSet = new Set(fromMembers);
    const toSet = new Set(toMembers);
    const joined = toMembers.filter((member) => !fromSet.has(member)).sort(compareText);
    const left = fromMembers.filter((member) => !toSet.has(member)).sort(compareText);
    const stayed = (members: readonly string[], other: ReadonlySet<string>): string =>
      members.filter((member) => other.has(member)).join('\n');
    const reordered = stayed(fromMembers, toSet) !== stayed(toMembers, fromSet);
    const schedule = valueChange('schedule', from && scheduleOf(from), to && scheduleOf(to));
    if (from && to && !joined.length && !left.length && !reordered && !schedule) continue;
    changes.push({
      id,
      change: !from ? 'added' : !to ? 'removed' : 'changed',
      joined,
      left,
      ...(reordered ? { order: { from: fromMembers, to: toMembers } } : {}),
      ...(schedule ? { schedule } : {}),
    });
  }
  return changes;
}

/** A rotation's schedule in words: `monday 09:00, 1 on call at once`. */
function scheduleOf(rotation: Rotation): string {
  return `${rotation.handoff.day} ${rotation.handoff.time}, ${rotation.onCallAtOnce} on call at once`;
}
