import type { Problem } from '../../load/problem';
import type { Located, RolesBundle } from '../../load/roles-bundle';
import type { OrgFile } from '../../schema';
import { unknownReference } from './unknown-reference';

/** The account of an IAM role ARN, e.g. `arn:aws:iam::111111111111:role/x` → `111111111111`. */
const ROLE_ACCOUNT = /^arn:aws[a-z-]*:iam::(\d{12}):role\//;
/** The account of an Incident Manager replication set ARN (which names no region). */
const REPLICATION_SET_ACCOUNT = /^arn:aws[a-z-]*:ssm-incidents::(\d{12}):replication-set\//;

/**
 * Checks where org.yaml's AWS stacks run: the Identity Center and Incident Manager accounts are named
 * and known, each account's role belongs to that account (the provider assumes it and then refuses any
 * other account), and Incident Manager's region is one its replication set replicates to. Pure.
 */
export function checkAwsTargets(bundle: RolesBundle): Problem[] {
  const org = bundle.org;
  if (!org) return [];
  const { aws, oncall } = org.value;
  const names = Object.keys(aws.accounts).sort();
  const problems: Problem[] = [];

  for (const name of names) {
    const account = aws.accounts[name];
    const roleAccount = account?.assumeRoleArn ? ROLE_ACCOUNT.exec(account.assumeRoleArn)?.[1] : undefined;
    if (account && roleAccount !== undefined && roleAccount !== account.id) {
      problems.push(
        org.source.problem(
          ['aws', 'accounts', name, 'assumeRoleArn'],
          `role is in account ${roleAccount}, not in ${name} (${account.id})`,
          `the provider of every ${name} stack assumes this role and then refuses any account but ${account.id}: name a role of that account`,
        ),
      );
    }
  }

  if (aws.identityCenter && !names.includes(aws.identityCenter.account)) {
    problems.push(unknownReference(org, ['aws', 'identityCenter', 'account'], 'account', aws.identityCenter.account, names));
  }

  if (oncall.backend === 'pagerduty') {
    // An org.yaml written for the old default: Incident Manager settings and no backend named.
    const written = (org.source.data as { oncall?: { backend?: unknown } } | undefined)?.oncall?.backend;
    if (written === undefined && (oncall.account !== undefined || oncall.replicationSet !== undefined)) {
      problems.push(
        org.source.problem(
          ['oncall'],
          'names Incident Manager settings (account, replicationSet) but no backend, and the default backend is pagerduty: Incident Manager is closed to new customers since 7 November 2025',
          'to keep Incident Manager, add "backend: aws-incident-manager" under oncall:; to move to PagerDuty, remove account and replicationSet',
        ),
      );
      return problems;
    }
    if (oncall.account !== undefined) {
      problems.push(
        org.source.problem(
          ['oncall', 'account'],
          'is not used with backend pagerduty',
          'remove it, or use backend aws-incident-manager',
          'warning',
        ),
      );
    }
    return problems;
  }
  problems.push(...incidentManagerProblems(org, names));
  return problems;
}

function incidentManagerProblems(org: Located<OrgFile>, names: readonly string[]): Problem[] {
  const { aws, oncall } = org.value;
  const problems: Problem[] = [];
  if (oncall.account === undefined) {
    problems.push(
      org.source.problem(
        ['oncall', 'account'],
        `backend aws-incident-manager needs the account Incident Manager lives in (known: ${names.join(', ')})`,
        'add "account: <name>" under oncall: the on-call stack runs only in that account',
      ),
    );
  } else if (!names.includes(oncall.account)) {
    problems.push(unknownReference(org, ['oncall', 'account'], 'account', oncall.account, names));
  }
  const replication = oncall.replicationSet;
  if (replication && 'regions' in replication && !replication.regions.includes(aws.region)) {
    // Contacts and rotations live in the region the provider uses, which must be replicated.
    // https://docs.aws.amazon.com/incident-manager/latest/userguide/replication.html
    problems.push(
      org.source.problem(
        ['oncall', 'replicationSet', 'regions'],
        `the on-call stack runs in ${aws.region} (aws.region), which is not among the replication set's regions (${replication.regions.join(', ')})`,
        `add ${aws.region}: Incident Manager keeps contacts and rotations only in regions of its replication set`,
      ),
    );
  }
  const accountId = oncall.account === undefined ? undefined : aws.accounts[oncall.account]?.id;
  const setAccount = replication && 'existingArn' in replication ? REPLICATION_SET_ACCOUNT.exec(replication.existingArn)?.[1] : undefined;
  if (accountId !== undefined && setAccount !== undefined && setAccount !== accountId) {
    problems.push(
      org.source.problem(
        ['oncall', 'replicationSet', 'existingArn'],
        `replication set is in account ${setAccount}, not in ${oncall.account ?? ''} (${accountId}), where the on-call stack runs`,
        'name the replication set of the Incident Manager account, or set oncall.account to the account that holds this one',
      ),
    );
  }
  return problems;
}
