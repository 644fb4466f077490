import { loadActionCatalog } from '../../../src/pipeline/action-catalog';
import { checkAction, checkActions } from '../../../src/model/iam';

const catalog = loadActionCatalog();

describe('checkAction', () => {
  it.each(['s3:GetObject', 'ec2:Describe*', 's3:*Object', 's3:Get?bject', 'iam:*', '*', 'ec2-instance-connect:SendSSHPublicKey'])(
    'accepts %j',
    (action) => {
      expect(checkAction(action, catalog)).toBeUndefined();
    },
  );

  it.each([
    ['s3:GetObjects', 's3:GetObject'],
    ['iam:PassRoles', 'iam:PassRole'],
    ['ec2:DescribeInstance', 'ec2:DescribeInstances'],
    ['cloudwatch:PutMetricsData', 'cloudwatch:PutMetricData'],
    ['dynamodb:GetItems', 'dynamodb:GetItem'],
    ['sts:AssumeRoles', 'sts:AssumeRole'],
  ])('fails when the action is unknown: %j suggests %j first', (action, suggestion) => {
    const finding = checkAction(action, catalog);
    expect(finding).toMatchObject({ code: 'unknown-action', severity: 'error', action });
    expect(finding?.message).toContain(`unknown action "${action}"`);
    expect(finding?.suggestions[0]).toBe(suggestion);
    expect(finding?.hint).toContain(`did you mean "${suggestion}"`);
  });

  it('fails when the action is unknown and suggests the action with the words of the input', () => {
    expect(checkAction('s3:ListBuckets', catalog)?.suggestions).toContain('s3:ListAllMyBuckets');
  });

  it.each([
    ['ec3:DescribeInstances', 'ec2:DescribeInstances'],
    ['lamda:InvokeFunction', 'lambda:InvokeFunction'],
    ['secretmanager:GetSecretValue', 'secretsmanager:GetSecretValue'],
    ['dynamo:GetItem', 'dynamodb:GetItem'],
    ['eventbridge:PutEvents', 'events:PutEvents'],
    ['stepfunctions:StartExecution', 'states:StartExecution'],
  ])('fails when the service is unknown: %j suggests %j', (action, suggestion) => {
    const finding = checkAction(action, catalog);
    expect(finding).toMatchObject({ code: 'unknown-service', severity: 'error' });
    expect(finding?.message).toContain('unknown service prefix');
    expect(finding?.suggestions[0]).toBe(suggestion);
  });

  it('fails when the service is unknown and suggests only services that have the action', () => {
    const finding = checkAction('ec3:DescribeInstances', catalog);
    expect(finding?.suggestions).toEqual(['ec2:DescribeInstances']);
  });

  it('fails when the service is unknown and no close service has the action, naming close prefixes', () => {
    const finding = checkAction('ec3:NoSuchThing', catalog);
    expect(finding?.suggestions).toEqual([]);
    expect(finding?.hint).toContain('"ec2"');
    expect(finding?.hint).toContain('none has "NoSuchThing"');
  });

  it.each([
    ['ec2:Descibe*', 'ec2:Describe*'],
    ['s3:*Objects', 's3:*Object'],
    ['s3:Get*Objects', 's3:Get*Object'],
  ])('fails when the pattern %j matches nothing, suggesting %j', (action, suggestion) => {
    const finding = checkAction(action, catalog);
    expect(finding).toMatchObject({ code: 'no-match', severity: 'error', suggestions: [suggestion] });
    expect(finding?.message).toBe(`"${action}" matches no action of ${action.split(':')[0]}`);
  });

  it('fails when a pattern matches nothing and nothing is close', () => {
    expect(checkAction('s3:Zz*', catalog)).toMatchObject({ code: 'no-match', suggestions: [] });
  });

  it.each([
    ['s3:getobject', 's3:GetObject'],
    ['S3:GetObject', 's3:GetObject'],
    ['kms:decrypt', 'kms:Decrypt'],
    ['s3:get*object', 's3:Get*Object'],
  ])('warns that %j is spelled %j by AWS', (action, canonical) => {
    expect(checkAction(action, catalog)).toMatchObject({ code: 'action-case', severity: 'warning', suggestions: [canonical] });
  });

  it.each(['s3', 's3:', ':GetObject', 's3:Get:Object'])('fails when %j is not service:Action', (action) => {
    expect(checkAction(action, catalog)).toMatchObject({ code: 'malformed-action', severity: 'error' });
  });
});

describe('checkActions', () => {
  it('locates each finding by statement and action index', () => {
    const findings = checkActions(
      [{ actions: ['s3:GetObject', 's3:GetObjects'] }, { actions: ['ec2:Describe*'] }, { actions: ['ec3:RunInstances'] }],
      catalog,
    );
    expect(findings.map(({ statement, index, code }) => ({ statement, index, code }))).toEqual([
      { statement: 0, index: 1, code: 'unknown-action' },
      { statement: 2, index: 0, code: 'unknown-service' },
    ]);
  });
});
