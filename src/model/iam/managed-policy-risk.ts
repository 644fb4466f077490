import type { RiskLevel } from '../../schema/capabilities';
import type { RiskCategory, RiskReason } from './risk-types';

/** rolecall's rating of an AWS managed policy. */
export interface ManagedPolicyRating {
  readonly level: RiskLevel;
  readonly category: RiskCategory;
  readonly why: string;
}

/**
 * Ratings of well-known AWS managed policies, by the part of the ARN after `policy/`. Deliberately small:
 * a policy not listed is rated medium (`unreviewed-policy`) until someone reads it and adds it here.
 * @see https://docs.aws.amazon.com/aws-managed-policy/latest/reference/policy-list.html
 */
export const MANAGED_POLICY_RATINGS: Readonly<Record<string, ManagedPolicyRating>> = {
  AdministratorAccess: { level: 'high', category: 'broad', why: 'allows every action on every resource' },
  PowerUserAccess: {
    level: 'high',
    category: 'broad',
    why: 'allows every action outside IAM and Organizations, including deleting and reading everything',
  },
  IAMFullAccess: { level: 'high', category: 'privilege-escalation', why: 'iam:* lets the holder grant itself any permission' },
  AWSOrganizationsFullAccess: {
    level: 'high',
    category: 'permissions-management',
    why: 'changes the accounts and service control policies of the whole organization',
  },
  AmazonS3FullAccess: { level: 'high', category: 'broad', why: 's3:* on every bucket: read, overwrite and delete all object data' },
  AmazonEC2FullAccess: { level: 'high', category: 'broad', why: 'ec2:* on every resource, including terminating any instance' },
  SecretsManagerReadWrite: { level: 'high', category: 'data-exfiltration', why: 'reads and changes every secret' },
  ReadOnlyAccess: {
    level: 'high',
    category: 'data-exfiltration',
    why: 'reads every resource, including all object data in S3, items in DynamoDB and secrets in parameters',
  },
  'AdministratorAccess-Amplify': {
    level: 'high',
    category: 'privilege-escalation',
    why: 'includes iam:PassRole and IAM role management on every role',
  },
  'AdministratorAccess-AWSElasticBeanstalk': {
    level: 'high',
    category: 'privilege-escalation',
    why: 'passes any role to the instances it starts',
  },
  AWSLambda_FullAccess: { level: 'high', category: 'privilege-escalation', why: 'creates functions and passes roles to them' },
  AWSCloudFormationFullAccess: {
    level: 'high',
    category: 'broad',
    why: 'creates and deletes any stack, with whatever role a stack passes',
  },
  'job-function/SystemAdministrator': {
    level: 'high',
    category: 'broad',
    why: 'wide write access across compute, networking and monitoring',
  },
  'job-function/NetworkAdministrator': {
    level: 'high',
    category: 'broad',
    why: 'changes every network path, security group and DNS record',
  },
  'job-function/DatabaseAdministrator': {
    level: 'high',
    category: 'data-exfiltration',
    why: 'reads and changes every database and its data',
  },
  AmazonDynamoDBFullAccess: { level: 'high', category: 'data-exfiltration', why: 'reads, overwrites and deletes every table' },
  AmazonRDSFullAccess: { level: 'high', category: 'broad', why: 'changes and deletes every database instance' },
  AmazonS3ReadOnlyAccess: { level: 'high', category: 'data-exfiltration', why: 'reads every object of every bucket' },
  AmazonSSMFullAccess: {
    level: 'high',
    category: 'privilege-escalation',
    why: 'runs commands on every managed instance and reads every parameter',
  },
  'job-function/ViewOnlyAccess': { level: 'low', category: 'broad', why: 'lists and describes resources without reading their data' },
  SecurityAudit: { level: 'low', category: 'broad', why: 'reads configuration metadata for security audits, not data' },
};

const RATINGS_BY_NAME: ReadonlyMap<string, ManagedPolicyRating> = new Map(
  Object.entries(MANAGED_POLICY_RATINGS).map(([name, rating]) => [name.toLowerCase(), rating]),
);

/**
 * The risk reason for one managed policy ARN: the table's rating for an AWS managed policy (names
 * compared ignoring case, so no spelling escapes it), otherwise medium because rolecall cannot see what
 * the policy allows.
 */
export function managedPolicyRisk(arn: string): RiskReason {
  const match = /^arn:aws[a-z-]*:iam::aws:policy\/(.+)$/i.exec(arn);
  const rating = match === null ? undefined : RATINGS_BY_NAME.get((match[1] as string).toLowerCase());
  if (rating !== undefined) return { ...rating, actions: [arn], resources: [] };
  return {
    category: 'unreviewed-policy',
    level: 'medium',
    actions: [arn],
    resources: [],
    why:
      match === null
        ? 'a customer managed policy: rolecall cannot see what it allows'
        : 'an AWS managed policy rolecall has no rating for: read it and declare the risk',
  };
}
