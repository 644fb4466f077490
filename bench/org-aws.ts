import type { Prng } from './prng';

/** A risk level as capabilities.yaml writes it. */
export type Level = 'low' | 'medium' | 'high';

/** Where a team's AWS resources are: the account id and region, and the prefix of the team's resource names. */
export interface AwsPlace {
  readonly account: string;
  readonly region: string;
  /** The team's slug, which starts the names of its resources (`checkout-orders`). */
  readonly team: string;
  /** The organisation's short name, which starts its S3 bucket names (bucket names are global). */
  readonly org: string;
}

/** An `access:` entry of capabilities.yaml. */
export interface AccessEntry {
  readonly service: string;
  readonly levels: readonly string[];
  readonly resources: readonly string[];
  readonly wildcardOnly?: 'include';
}

/** An explicit statement of capabilities.yaml. */
export interface StatementEntry {
  readonly sid: string;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly conditions?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/**
 * A piece of AWS access and the risk rolecall computes for it, so that a capability declares its real
 * level: understating it would be a validate error or warning, overstating it would make the
 * organisation look riskier than it is.
 */
interface Block<T> {
  readonly risk: Level;
  readonly make: (place: AwsPlace) => T;
}

const arn = (service: string, place: AwsPlace, rest: string): string => `arn:aws:${service}:${place.region}:${place.account}:${rest}`;

const access =
  (service: string, levels: readonly string[], resources: (place: AwsPlace) => string[], wildcardOnly = true) =>
  (place: AwsPlace): AccessEntry => ({
    service,
    levels,
    resources: resources(place),
    ...(wildcardOnly ? { wildcardOnly: 'include' as const } : {}),
  });

const buckets = (place: AwsPlace): string[] => [`arn:aws:s3:::${place.org}-${place.team}-*`, `arn:aws:s3:::${place.org}-${place.team}-*/*`];
const tables = (place: AwsPlace): string[] => [arn('dynamodb', place, `table/${place.team}-*`)];
const queues = (place: AwsPlace): string[] => [arn('sqs', place, `${place.team}-*`)];
const topics = (place: AwsPlace): string[] => [arn('sns', place, `${place.team}-*`)];
const functions = (place: AwsPlace): string[] => [arn('lambda', place, `function:${place.team}-*`)];
const machines = (place: AwsPlace): string[] => [
  arn('states', place, `stateMachine:${place.team}-*`),
  arn('states', place, `execution:${place.team}-*:*`),
];

const READ: readonly Block<AccessEntry>[] = [
  { risk: 'low', make: access('s3', ['list', 'read'], buckets) },
  { risk: 'low', make: access('dynamodb', ['list', 'read'], tables) },
  { risk: 'low', make: access('sqs', ['read'], queues) },
  { risk: 'low', make: access('sns', ['list', 'read'], topics) },
  { risk: 'low', make: access('lambda', ['list', 'read'], functions) },
  { risk: 'low', make: access('logs', ['list', 'read'], (place) => [arn('logs', place, `log-group:/${place.team}/*`)]) },
  {
    risk: 'low',
    make: access('ecs', ['list', 'read'], (place) => [
      arn('ecs', place, `cluster/${place.team}-*`),
      arn('ecs', place, `service/${place.team}-*/*`),
      arn('ecs', place, `task/${place.team}-*/*`),
    ]),
  },
  { risk: 'low', make: access('ssm', ['list', 'read'], (place) => [arn('ssm', place, `parameter/${place.team}/*`)]) },
  { risk: 'low', make: access('states', ['list', 'read'], machines) },
  { risk: 'low', make: access('kinesis', ['list', 'read'], (place) => [arn('kinesis', place, `stream/${place.team}-*`)]) },
  { risk: 'low', make: access('athena', ['list', 'read'], (place) => [arn('athena', place, `workgroup/${place.team}-*`)]) },
  { risk: 'low', make: access('elasticache', ['list', 'read'], (place) => [arn('elasticache', place, `cluster:${place.team}-*`)]) },
  // BatchGetSecretValue takes no resource, and on "*" it reads every secret: leave it out.
  {
    risk: 'low',
    make: access('secretsmanager', ['list', 'read'], (place) => [arn('secretsmanager', place, `secret:${place.team}/*`)], false),
  },
];

const WRITE: readonly Block<AccessEntry>[] = [
  { risk: 'low', make: access('s3', ['write'], buckets) },
  { risk: 'low', make: access('dynamodb', ['write'], tables) },
  { risk: 'low', make: access('sqs', ['write'], queues) },
  { risk: 'medium', make: access('sns', ['write'], topics) },
  { risk: 'medium', make: access('lambda', ['write'], functions) },
  { risk: 'low', make: access('states', ['write'], machines) },
  { risk: 'low', make: access('events', ['write'], (place) => [arn('events', place, `rule/${place.team}-*`)]) },
];

const OBSERVE: readonly Block<AccessEntry>[] = [
  { risk: 'low', make: access('cloudwatch', ['list', 'read'], () => ['*']) },
  { risk: 'low', make: access('logs', ['list', 'read'], (place) => [arn('logs', place, `log-group:/${place.team}/*`)]) },
  { risk: 'low', make: access('xray', ['list', 'read'], () => ['*']) },
];

const TOOLING: readonly Block<AccessEntry>[] = [
  { risk: 'medium', make: access('ecr', ['list', 'read', 'write'], (place) => [arn('ecr', place, `repository/${place.team}-*`)]) },
  { risk: 'medium', make: access('codebuild', ['list', 'read', 'write'], (place) => [arn('codebuild', place, `project/${place.team}-*`)]) },
];

const statement =
  (
    sid: string,
    actions: readonly string[],
    resources: (place: AwsPlace) => string[],
    conditions?: (place: AwsPlace) => StatementEntry['conditions'],
  ) =>
  (place: AwsPlace): StatementEntry => ({
    sid,
    actions,
    resources: resources(place),
    ...(conditions ? { conditions: conditions(place) } : {}),
  });

const OPERATE_STATEMENTS: readonly Block<StatementEntry>[] = [
  { risk: 'low', make: statement('RedriveQueues', ['sqs:PurgeQueue', 'sqs:StartMessageMoveTask'], queues) },
  { risk: 'low', make: statement('RunStateMachines', ['states:StartExecution', 'states:StopExecution'], machines) },
  {
    risk: 'low',
    make: statement(
      'ChangeAlarms',
      ['cloudwatch:PutMetricAlarm', 'cloudwatch:DisableAlarmActions', 'cloudwatch:EnableAlarmActions'],
      (place) => [arn('cloudwatch', place, `alarm:${place.team}-*`)],
    ),
  },
];

const DEPLOY_STATEMENTS: readonly Block<StatementEntry>[] = [
  {
    risk: 'low',
    make: statement('RollOutServices', ['ecs:UpdateService', 'ecs:DescribeServices'], (place) => [
      arn('ecs', place, `service/${place.team}-prod/*`),
    ]),
  },
  { risk: 'low', make: statement('RegisterTaskDefinitions', ['ecs:DescribeTaskDefinition', 'ecs:RegisterTaskDefinition'], () => ['*']) },
  {
    risk: 'medium',
    make: statement('PublishFunctions', ['lambda:UpdateFunctionCode', 'lambda:PublishVersion', 'lambda:UpdateAlias'], functions),
  },
  {
    risk: 'low',
    make: statement('UploadArtifacts', ['s3:PutObject', 's3:GetObject'], (place) => [
      `arn:aws:s3:::${place.org}-${place.team}-artifacts/*`,
    ]),
  },
  {
    risk: 'medium',
    make: statement(
      'PassTaskRoles',
      ['iam:PassRole'],
      (place) => [`arn:aws:iam::${place.account}:role/${place.team}-task-*`],
      () => ({
        StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' },
      }),
    ),
  },
];

/** kms:Decrypt on every key of the account: rolecall rates it high (it reads everything encrypted). */
const DECRYPT_ANY: Block<StatementEntry> = {
  risk: 'high',
  make: statement('DecryptBackups', ['kms:Decrypt'], (place) => [arn('kms', place, 'key/*')]),
};
const REPAIR_ITEMS: Block<StatementEntry> = {
  risk: 'low',
  make: statement('RepairItems', ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], tables),
};
const START_BUILDS: Block<StatementEntry> = {
  risk: 'low',
  make: statement('StartBuilds', ['codebuild:StartBuild', 'codebuild:BatchGetBuilds'], (place) => [
    arn('codebuild', place, `project/${place.team}-*`),
  ]),
};

/** The AWS part of one capability in one account, and its risk. */
export interface AwsGrant {
  readonly access: readonly AccessEntry[];
  readonly statements: readonly StatementEntry[];
  readonly risk: Level;
}

/** The kinds of AWS grant a team capability can have. */
export type AwsKind = 'read' | 'operate' | 'deploy' | 'observe' | 'tooling' | 'data';

/** A grant of `kind` in one place, drawn with `prng`. */
export function awsGrant(kind: AwsKind, place: AwsPlace, prng: Prng): AwsGrant {
  const pick = <T>(blocks: readonly Block<T>[], min: number, max: number): Block<T>[] => prng.sample(blocks, prng.int(min, max));
  const grant = (accessBlocks: readonly Block<AccessEntry>[], statementBlocks: readonly Block<StatementEntry>[]): AwsGrant => ({
    access: accessBlocks.map((block) => block.make(place)),
    statements: statementBlocks.map((block) => block.make(place)),
    risk: highest([...accessBlocks, ...statementBlocks].map((block) => block.risk)),
  });
  switch (kind) {
    case 'read':
      return grant(pick(READ, 2, 3), []);
    case 'operate':
      return grant([...pick(READ, 1, 2), ...pick(WRITE, 1, 2)], pick(OPERATE_STATEMENTS, 1, 2));
    case 'deploy':
      return grant([], pick(DEPLOY_STATEMENTS, 2, 4));
    case 'observe':
      return grant(OBSERVE, []);
    case 'tooling':
      return grant(TOOLING, [START_BUILDS]);
    case 'data':
      return grant([], [DECRYPT_ANY, REPAIR_ITEMS]);
  }
}

const RANK: Readonly<Record<Level, number>> = { low: 0, medium: 1, high: 2 };

/** The highest of some levels (low for none). */
export function highest(levels: readonly Level[]): Level {
  return levels.reduce<Level>((max, level) => (RANK[level] > RANK[max] ? level : max), 'low');
}
