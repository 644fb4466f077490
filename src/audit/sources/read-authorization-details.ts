import { z } from 'zod';
import type { Problem } from '../../load/problem';
import { compareText } from '../../util/compare-text';
import type { ActualIamGroup, ActualIamPolicy, ActualIamUser, SourceInfo } from '../actual';
import { arnAccount, checkShape, policyText, readJson } from './json-source';

const HINT = 'give the output of `aws iam get-account-authorization-details --output json`';

const Attached = z.array(z.object({ PolicyName: z.string().optional(), PolicyArn: z.string() })).default([]);
const Inline = z.array(z.object({ PolicyName: z.string(), PolicyDocument: z.unknown() })).default([]);
const Details = z.object({
  UserDetailList: z
    .array(z.object({ UserName: z.string(), Path: z.string().default('/'), Arn: z.string(), CreateDate: z.string().optional(), GroupList: z.array(z.string()).default([]), AttachedManagedPolicies: Attached, UserPolicyList: Inline }))
    .default([]),
  GroupDetailList: z.array(z.object({ GroupName: z.string(), Path: z.string().default('/'), Arn: z.string(), AttachedManagedPolicies: Attached, GroupPolicyList: Inline })).default([]),
  Policies: z
    .array(
      z.object({
        PolicyName: z.string(),
        Arn: z.string(),
        Path: z.string().default('/'),
        DefaultVersionId: z.string().optional(),
        PolicyVersionList: z.array(z.object({ Document: z.unknown(), VersionId: z.string().optional(), IsDefaultVersion: z.boolean().optional() })).default([]),
      }),
    )
    .default([]),
  IsTruncated: z.boolean().optional(),
});

/** The IAM facts of one account from `aws iam get-account-authorization-details`. https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html */
export interface AuthorizationDetails {
  readonly accountId: string;
  readonly users: ActualIamUser[];
  readonly groups: ActualIamGroup[];
  readonly policies: ActualIamPolicy[];
}

/**
 * Reads the output of `aws iam get-account-authorization-details --output json` (all pages merged, as
 * the CLI does). Roles are left out: rolecall grants to people. AWS-managed policies are left out of
 * `policies` (they are attached by ARN). Every ARN must name the same account.
 */
export function readAuthorizationDetails(file: string, text: string): { iam?: AuthorizationDetails; source?: SourceInfo; problems: Problem[] } {
  const read = readJson(file, text, HINT);
  if (!read.source) return { problems: read.problems };
  const source = read.source;
  const shape = checkShape(source, [], source.data, Details, HINT);
  if (!shape.value) return { problems: shape.problems };
  const data = shape.value;
  const problems: Problem[] = [];
  const accounts = new Map<string, string>();
  const note = (arn: string, at: string): void => {
    const account = arnAccount(arn);
    if (account && !accounts.has(account)) accounts.set(account, at);
  };
  data.UserDetailList.forEach((user, index) => note(user.Arn, `/UserDetailList/${index}/Arn`));
  data.GroupDetailList.forEach((group, index) => note(group.Arn, `/GroupDetailList/${index}/Arn`));
  data.Policies.forEach((policy, index) => note(policy.Arn, `/Policies/${index}/Arn`));
  if (accounts.size > 1) {
    const [first, ...others] = [...accounts.entries()];
    for (const [account, at] of others) problems.push(source.problem(at, `ARN of account ${account}, but the export is of account ${first?.[0] ?? ''}: one file per account`, HINT));
    return { problems };
  }
  const accountId = [...accounts.keys()][0];
  if (accountId === undefined) return { problems: [source.problem('', 'no user, group or policy with an ARN: the account is unknown', HINT)] };
  if (data.IsTruncated) problems.push(source.problem('/IsTruncated', 'IsTruncated is true: this is one page of the export, not all of it', 'the AWS CLI merges the pages unless --no-paginate or --max-items is given', 'warning'));
  const users = data.UserDetailList.map((user, index): ActualIamUser => ({
    accountId,
    name: user.UserName,
    path: user.Path,
    groups: [...user.GroupList].sort(compareText),
    attachedPolicyArns: user.AttachedManagedPolicies.map((policy) => policy.PolicyArn).sort(compareText),
    inlinePolicies: user.UserPolicyList.map((policy) => policy.PolicyName).sort(compareText),
    ...(user.CreateDate ? { created: user.CreateDate } : {}),
    from: source.ref(`/UserDetailList/${index}`),
  }));
  const groups = data.GroupDetailList.map((group, index): ActualIamGroup => ({
    accountId,
    name: group.GroupName,
    path: group.Path,
    attachedPolicyArns: group.AttachedManagedPolicies.map((policy) => policy.PolicyArn).sort(compareText),
    inlinePolicies: group.GroupPolicyList.map((policy) => {
      const document = policyText(policy.PolicyDocument);
      return { name: policy.PolicyName, ...(document !== undefined ? { document } : {}) };
    }).sort((a, b) => compareText(a.name, b.name)),
    from: source.ref(`/GroupDetailList/${index}`),
  }));
  const policies = data.Policies.flatMap((policy, index): ActualIamPolicy[] => {
    if (arnAccount(policy.Arn) === undefined) return []; // AWS-managed: arn:aws:iam::aws:policy/…
    const current = policy.PolicyVersionList.find((version) => version.IsDefaultVersion === true || version.VersionId === policy.DefaultVersionId);
    const document = current ? policyText(current.Document) : undefined;
    return [{ accountId, name: policy.PolicyName, arn: policy.Arn, path: policy.Path, ...(document !== undefined ? { document } : {}), from: source.ref(`/Policies/${index}`) }];
  });
  return {
    iam: { accountId, users: users.sort((a, b) => compareText(a.name, b.name)), groups: groups.sort((a, b) => compareText(a.name, b.name)), policies: policies.sort((a, b) => compareText(a.arn, b.arn)) },
    source: { kind: 'aws-authorization-details', file, scope: `AWS account ${accountId}` },
    problems,
  };
}
