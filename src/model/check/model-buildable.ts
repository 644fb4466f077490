import type { RolesBundle } from '../../load/roles-bundle';

/**
 * True when the access model can be built from `bundle` even though some of its files have errors:
 * org.yaml loaded and every account it or a capability names is declared. The model's own checks
 * (IAM quotas, rotation sizes, generated names) then still run, so a mistake in one file does not hide
 * them; entries that failed their schema are simply absent from that model.
 */
export function modelBuildable(bundle: RolesBundle): boolean {
  const org = bundle.org?.value;
  if (!org) return false;
  const declared = new Set(Object.keys(org.aws.accounts));
  const named = [
    org.aws.defaultAccount,
    ...(org.aws.identityCenter ? [org.aws.identityCenter.account] : []),
    ...(org.oncall.backend === 'aws-incident-manager' ? [org.oncall.account ?? ''] : []),
    ...bundle.capabilities.flatMap((capability) => capability.value.aws.flatMap((grant) => grant.accounts ?? [])),
  ];
  return named.every((name) => declared.has(name));
}
