import 'cdktf/lib/testing/adapters/jest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { GithubProvider } from '@cdktf/provider-github/lib/provider';
import { AwsAccessStack } from '../../stacks/aws-access-stack';
import { fixtureModel } from '../helpers/fixture-model';
import { parseTerraform, synthApp } from '../helpers/synth-app';

Testing.setupJest();

const iamGroups = synthApp(fixtureModel());
const identityCenter = synthApp(fixtureModel({ awsMode: 'identity-center', oncallBackend: 'pagerduty' }));
const file = (app: typeof iamGroups, stack: string): string => {
  const text = app.files.get(stack);
  if (text === undefined) throw new Error(`no stack ${stack} in ${[...app.files.keys()].join(', ')}`);
  return text;
};

describe('rolecall stacks', () => {
  test('has a stack per AWS account in iam-groups mode, then github and oncall', () => {
    expect([...iamGroups.files.keys()]).toEqual(['aws-prod', 'aws-staging', 'github', 'oncall']);
  });

  test('has one aws-identity-center stack in identity-center mode', () => {
    expect([...identityCenter.files.keys()]).toEqual(['aws-identity-center', 'github', 'oncall']);
  });

  test.each([
    ['aws-prod', 'aws', 'hashicorp/aws', '5.100.0'],
    ['aws-staging', 'aws', 'hashicorp/aws', '5.100.0'],
    ['github', 'github', 'integrations/github', '6.9.0'],
    ['oncall', 'aws', 'hashicorp/aws', '5.100.0'],
  ])('pins %s to the fully qualified %s source', (stack, name, source, version) => {
    const providers = parseTerraform(file(iamGroups, stack)).terraform?.required_providers;
    expect(providers).toEqual({ [name]: { source, version } });
  });

  test.each([
    ['aws-identity-center', 'aws', 'hashicorp/aws', '5.100.0'],
    ['oncall', 'pagerduty', 'pagerduty/pagerduty', '3.30.8'],
  ])('pins %s (identity-center, PagerDuty) to the fully qualified %s source', (stack, name, source, version) => {
    expect(parseTerraform(file(identityCenter, stack)).terraform?.required_providers).toEqual({ [name]: { source, version } });
  });

  test("configures each account's provider with its region and role, and no AWS provider in github", () => {
    expect(file(iamGroups, 'aws-prod')).toHaveProviderWithProperties(AwsProvider, {
      region: 'eu-west-1',
      assume_role: [{ role_arn: 'arn:aws:iam::418273645190:role/rolecall-deploy', session_name: 'rolecall' }],
      default_tags: [{ tags: { 'managed-by': 'rolecall' } }],
    });
    expect(parseTerraform(file(iamGroups, 'aws-staging')).provider?.aws?.[0]).not.toHaveProperty('assume_role');
    expect(file(iamGroups, 'github')).toHaveProviderWithProperties(GithubProvider, { owner: 'fixture-labs' });
    expect(parseTerraform(file(iamGroups, 'github')).provider).not.toHaveProperty('aws');
    expect(parseTerraform(file(identityCenter, 'oncall')).provider).not.toHaveProperty('aws');
  });

  const staging = fixtureModel({ identityCenterAccount: 'staging', oncallAccount: 'staging' });
  const prodRole = [{ role_arn: 'arn:aws:iam::418273645190:role/rolecall-deploy', session_name: 'rolecall' }];
  test.each([
    ['aws-prod', iamGroups, ['418273645190'], prodRole],
    ['aws-staging', iamGroups, ['507318264920'], undefined],
    ['oncall', iamGroups, ['418273645190'], prodRole],
    ['aws-identity-center', identityCenter, ['418273645190'], prodRole],
    ['oncall', synthApp(staging), ['507318264920'], undefined],
    [
      'aws-identity-center',
      synthApp(fixtureModel({ awsMode: 'identity-center', identityCenterAccount: 'staging' })),
      ['507318264920'],
      undefined,
    ],
  ] as const)("pins every AWS provider of %s to its account and assumes the account's role (%#)", (stack, app, ids, assumeRole) => {
    const providers = parseTerraform(file(app, stack)).provider?.aws ?? [];
    expect(providers).toHaveLength(1);
    expect(providers[0]).toMatchObject({ region: 'eu-west-1', allowed_account_ids: ids });
    if (assumeRole) expect(providers[0]?.assume_role).toEqual(assumeRole);
    else expect(providers[0]).not.toHaveProperty('assume_role');
  });

  test("skips none of the provider's AWS checks, so the pin holds wherever the stack is planned", () => {
    for (const app of [iamGroups, identityCenter]) {
      for (const [stack, text] of app.files) {
        for (const provider of parseTerraform(text).provider?.aws ?? []) {
          const skips = Object.keys(provider).filter((key) => key.startsWith('skip_'));
          expect({ stack, skips }).toEqual({ stack, skips: [] });
        }
      }
    }
  });

  test("keeps local state per stack in the state directory, relative to the stack's working directory", () => {
    const outdir = fs.mkdtempSync(path.join(process.cwd(), '.tmp-synth-'));
    try {
      const local = synthApp(fixtureModel(), { outdir, state: { backend: 'local', directory: 'terraform-state' } });
      for (const stack of local.files.keys()) {
        const backend = parseTerraform(file(local, stack)).terraform?.backend;
        expect(backend).toEqual({ local: { path: `../../../terraform-state/${stack}.tfstate` } });
      }
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('keeps an absolute state directory as it is', () => {
    const directory = path.join(os.tmpdir(), 'rolecall-state-never-created');
    const local = synthApp(fixtureModel(), { state: { backend: 'local', directory } });
    expect(parseTerraform(file(local, 'github')).terraform?.backend).toEqual({ local: { path: `${directory}/github.tfstate` } });
  });

  test('keeps state in S3 under the key prefix when org.yaml says so', () => {
    const s3 = synthApp(fixtureModel(), {
      state: {
        backend: 's3',
        bucket: 'northwind-tfstate',
        keyPrefix: 'rolecall/',
        region: 'eu-west-1',
        encrypt: true,
        useLockfile: true,
        kmsKeyId: 'alias/tfstate',
      },
    });
    for (const stack of s3.files.keys()) {
      expect(parseTerraform(file(s3, stack)).terraform?.backend).toEqual({
        s3: {
          bucket: 'northwind-tfstate',
          key: `rolecall/${stack}.tfstate`,
          region: 'eu-west-1',
          encrypt: true,
          use_lockfile: true,
          kms_key_id: 'alias/tfstate',
        },
      });
    }
    const plain = synthApp(fixtureModel(), {
      state: { backend: 's3', bucket: 'b-state', keyPrefix: '', region: 'eu-west-1', encrypt: false, useLockfile: false },
    });
    expect(parseTerraform(file(plain, 'oncall')).terraform?.backend).toEqual({
      s3: { bucket: 'b-state', key: 'oncall.tfstate', region: 'eu-west-1', encrypt: false, use_lockfile: false },
    });
  });

  test('puts the channels to activate on the oncall stack for main.ts to print', () => {
    expect(iamGroups.stacks.oncall.channelsToActivate.map((channel) => channel.address)).toContain('hana.suzuki@example.com');
    expect(identityCenter.stacks.oncall.channelsToActivate).toEqual([]);
  });

  test('fails when an iam-groups stack names no account of the model', () => {
    const app = Testing.app();
    expect(
      () =>
        new AwsAccessStack(app, 'aws-sandbox', {
          aws: fixtureModel().aws,
          account: 'sandbox',
          state: { backend: 'local', directory: 's' },
          workingDirectory: '.',
        }),
    ).toThrow("iam-groups mode needs one of the model's accounts, got sandbox");
  });
});
