import type { GrantTarget } from '../model/types';
import type { CapabilityFile } from '../schema';
import { awsTargets } from './aws/targets';
import { githubTargets } from './github/targets';
import { oncallTargets } from './oncall/targets';
import type { BackendId, CapabilityDerivations, TargetsPart } from './types';

/** The targets part of every backend, one line each, in the order their grants are listed. */
const TARGETS: { readonly [B in BackendId]: TargetsPart<B> } = {
  aws: awsTargets,
  github: githubTargets,
  oncall: oncallTargets,
};

/** The concrete targets of a capability in every backend, keyed by a stable target key. */
export function targetsOfCapability(capability: CapabilityFile, derived: CapabilityDerivations): [string, GrantTarget][] {
  return (Object.keys(TARGETS) as BackendId[]).flatMap((id) =>
    TARGETS[id].targets(capability, derived).map(([key, target]): [string, GrantTarget] => [key, target]),
  );
}
