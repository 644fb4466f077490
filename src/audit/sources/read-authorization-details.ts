import { z } from 'zod';
import type { Problem } from '../../load/problem';
import { compareText } from '../../util/compare-text';
import type { ActualIamGroup, ActualIamPolicy, ActualIamUser } from '../actual';
import { arnAccount, policyText } from './iam-values';
import { checkItems, checkShape, displayPath, isRecord, readJson, readList, type JsonSource, type SourceRead } from './json-source';

const HINT = 'give the output of `aws iam get-account-authorization-details --output json`, one file per account';

const Attached = z.array(z.object({ PolicyName: z.string().optional(), PolicyArn: z.string() })).default([]);
const Inline = z.array(z.object({ PolicyName: z.string(), PolicyDocument: z.unknown() })).default([]);
const Top = z.object({ IsTruncated: z.boolean().optional() });
const User = z.object({
  UserName: z.string().min(1),
  Path: z.string().default('/'),
  Arn: z.string(),
  CreateDate: z.string().optional(),
  GroupList: z.array(z.string()).default([]),
  AttachedManagedPolicies: Attached,
  UserPolicyList: Inline,
});
const Group = z.object({
  GroupName: z.string().min(1),
  Path: z.string().default('/'),
  Arn: z.string(),
  AttachedManagedPolicies: Attached,
  GroupPolicyList: Inline,
});
const Policy = z.object({
  PolicyName: z.string().min(1),
  Arn: z.string(),
  Path: z.string().default('/'),
  DefaultVersionId: z.string().optional(),
  PolicyVersionList: z
    .array(z.object({ Document: z.unknown(), VersionId: z.string().optional(), IsDefaultVersion: z.boolean().optional() }))
    .default([]),
});
const Role = z.object({ Arn: z.string() });

/** The IAM facts of one account: https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html */
export interface AuthorizationFacts {
  readonly iam: {
    readonly accountIds: string[];
    readonly users: ActualIamUser[];
    readonly groups: ActualIamGroup[];
    readonly policies: ActualIamPolicy[];
  };
}

/**
 * Reads the output of `aws iam get-account-authorization-details --output json` (the CLI merges the pages):
 * users with their groups and policies, groups with their inline policy documents, customer-managed
 * policies with their default version's document. Roles only help name the account; AWS-managed policies
 * are left out. Every ARN must name the same account.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 */
export function readAuthorizationDetails(file: string, text: string): SourceRead<AuthorizationFacts> {
  const read = readJson(file, text, HINT);
  if (!read.source) return { problems: read.problems };
  const source = read.source;
  const top = checkShape(source, '', source.data, Top, HINT);
  if (!top.value) return { problems: top.problems };
  const data = isRecord(source.data) ? source.data : {};
  const problems: Problem[] = [];
  const users = checkItems(source, readList(source, data['UserDetailList'], '/UserDetailList', HINT, problems), User, HINT, problems);
  const groups = checkItems(source, readList(source, data['GroupDetailList'], '/GroupDetailList', HINT, problems), Group, HINT, problems);
  const policies = checkItems(source, readList(source, data['Policies'], '/Policies', HINT, problems), Policy, HINT, problems);
  const roles = checkItems(source, readList(source, data['RoleDetailList'], '/RoleDetailList', HINT, problems), Role, HINT, problems);

  const arns = [...users, ...groups, ...policies, ...roles].map((item) => ({ arn: item.value.Arn, at: `${item.at}/Arn` }));
  const accountId = accountOf(source, arns, problems);
  if (top.value.IsTruncated === true) {
    problems.push(
      source.problem(
        '/IsTruncated',
        'IsTruncated: true: this is one page of the export, so users, groups or policies are missing',
        'the AWS CLI fetches every page unless --no-paginate, --max-items or --page-size is given',
        'warning',
      ),
    );
  }
  if (accountId === undefined) return { problems };
  const documentOf = (document: unknown, at: string): string | undefined => {
    const textOf = policyText(document);
    if (textOf === undefined && document !== undefined)
      problems.push(source.problem(at, `${displayPath(at)}: expected a policy document (an object, or URL-encoded JSON text)`, HINT));
    return textOf;
  };
  return {
    actual: {
      iam: {
        accountIds: [accountId],
        users: users
          .map(({ value, at }): ActualIamUser => ({
            accountId,
            name: value.UserName,
            path: value.Path,
            groups: [...new Set(value.GroupList)].sort(compareText),
            attachedPolicyArns: [...new Set(value.AttachedManagedPolicies.map((policy) => policy.PolicyArn))].sort(compareText),
            inlinePolicies: [...new Set(value.UserPolicyList.map((policy) => policy.PolicyName))].sort(compareText),
            ...(value.CreateDate !== undefined ? { created: value.CreateDate } : {}),
            from: source.ref(at),
          }))
          .sort((a, b) => compareText(a.name, b.name) || a.from.line - b.from.line),
        groups: groups
          .map(({ value, at }): ActualIamGroup => ({
            accountId,
            name: value.GroupName,
            path: value.Path,
            attachedPolicyArns: [...new Set(value.AttachedManagedPolicies.map((policy) => policy.PolicyArn))].sort(compareText),
            inlinePolicies: value.GroupPolicyList.map((policy, index) => {
              const document = documentOf(policy.PolicyDocument, `${at}/GroupPolicyList/${index}/PolicyDocument`);
              return { name: policy.PolicyName, ...(document !== undefined ? { document } : {}) };
            }).sort((a, b) => compareText(a.name, b.name) || compareText(a.document ?? '', b.document ?? '')),
            from: source.ref(at),
          }))
          .sort((a, b) => compareText(a.name, b.name) || a.from.line - b.from.line),
        policies: policies
          .flatMap(({ value, at }): ActualIamPolicy[] => {
            if (arnAccount(value.Arn) === undefined) return []; // AWS-managed: arn:aws:iam::aws:policy/…
            const index = value.PolicyVersionList.findIndex((version) => version.IsDefaultVersion === true);
            const current =
              index >= 0
                ? index
                : value.PolicyVersionList.findIndex(
                    (version) => version.VersionId !== undefined && version.VersionId === value.DefaultVersionId,
                  );
            const version = value.PolicyVersionList[current];
            const document =
              version === undefined ? undefined : documentOf(version.Document, `${at}/PolicyVersionList/${current}/Document`);
            return [
              {
                accountId,
                name: value.PolicyName,
                arn: value.Arn,
                path: value.Path,
                ...(document !== undefined ? { document } : {}),
                from: source.ref(at),
              },
            ];
          })
          .sort((a, b) => compareText(a.arn, b.arn) || a.from.line - b.from.line),
      },
    },
    source: { kind: 'aws-authorization-details', file, scope: `AWS account ${accountId}` },
    problems,
  };
}

/** The one account the ARNs name; a problem for each ARN of another account, or when no ARN names one. */
function accountOf(source: JsonSource, arns: readonly { arn: string; at: string }[], problems: Problem[]): string | undefined {
  const first = new Map<string, string>();
  for (const { arn, at } of arns) {
    const account = arnAccount(arn);
    if (account !== undefined && !first.has(account)) first.set(account, at);
  }
  const [primary, ...others] = [...first.entries()];
  if (primary === undefined) {
    // When entries were refused, their ARNs are unread: the account is unknown because of those problems.
    if (!problems.some((problem) => problem.severity === 'error'))
      problems.push(source.problem('', 'no ARN names an account: the export holds no user, group, customer-managed policy or role', HINT));
    return undefined;
  }
  for (const [account, at] of others) {
    problems.push(
      source.problem(
        at,
        `${displayPath(at)}: ARN of account ${account}, but ${displayPath(primary[1])} is of account ${primary[0]}: two accounts in one file`,
        "run `aws iam get-account-authorization-details --output json` once per account, with that account's credentials, into one file each",
      ),
    );
  }
  return others.length ? undefined : primary[0];
}
