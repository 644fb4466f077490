import type { TargetsPart } from '../types';

/** An AWS grant per account the capability reaches: its statements and managed policies there. */
export const awsTargets: TargetsPart<'aws'> = {
  targets: (_capability, derived) =>
    derived.aws.map(([account, access]) => [`aws:${account}`, { backend: 'aws', kind: 'policy', account, ...access }]),
};
