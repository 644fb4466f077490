import type { TargetsPart } from '../types';

/** An on-call grant per rotation the capability puts its holders in. */
export const oncallTargets: TargetsPart<'oncall'> = {
  targets: (capability) =>
    (capability.oncall?.rotations ?? []).map((rotation) => [`oncall:${rotation}`, { backend: 'oncall', kind: 'rotation', rotation }]),
};
