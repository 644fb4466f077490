import type { ActualIamUser } from '../../../../src/audit/actual';
import {
  mergeActual,
  readAuthorizationDetails,
  readGithubExport,
  readTerraformState,
  type ActualPiece,
} from '../../../../src/audit/sources';
import { json } from './source-helpers';

const PROD = '111111111111';
const STAGING = '222222222222';

function iamUser(
  accountId: string,
  name: string,
  groups: string[],
  file: string,
  line: number,
  extra: Partial<ActualIamUser> = {},
): ActualIamUser {
  return { accountId, name, path: '/', groups, attachedPolicyArns: [], inlinePolicies: [], from: { file, line }, ...extra };
}

const state: ActualPiece = {
  source: { kind: 'state', file: 'state.json', scope: 'Terraform state serial 1' },
  actual: { iam: { accountIds: [PROD], users: [iamUser(PROD, 'Ada', ['rolecall-engineer'], 'state.json', 9)], groups: [], policies: [] } },
};
const prod: ActualPiece = {
  source: { kind: 'aws-authorization-details', file: 'prod.json', scope: `AWS account ${PROD}` },
  actual: {
    iam: {
      accountIds: [PROD],
      users: [
        iamUser(PROD, 'ada', ['rolecall-admin'], 'prod.json', 4, { created: '2026-01-01T00:00:00Z' }),
        iamUser(PROD, 'zed', [], 'prod.json', 20),
      ],
      groups: [],
      policies: [],
    },
  },
};
const staging: ActualPiece = {
  source: { kind: 'aws-authorization-details', file: 'staging.json', scope: `AWS account ${STAGING}` },
  actual: { iam: { accountIds: [STAGING], users: [iamUser(STAGING, 'ada', [], 'staging.json', 4)], groups: [], policies: [] } },
};
const github: ActualPiece = {
  source: { kind: 'github-export', file: 'gh', scope: 'GitHub export gh' },
  actual: {
    github: {
      members: [{ login: 'Ada-GH', from: { file: 'gh/members.json', line: 2 } }],
      teams: [],
      teamMembers: [],
      teamRepositories: [],
    },
  },
};
const githubState: ActualPiece = {
  source: { kind: 'state', file: 'gh.tfstate', scope: 'Terraform state' },
  actual: {
    github: {
      members: [{ login: 'ada-gh', role: 'admin', from: { file: 'gh.tfstate', line: 7 } }],
      teams: [],
      teamMembers: [],
      teamRepositories: [],
    },
  },
};

describe('mergeActual', () => {
  it('merges one user seen by two sources: the union of memberships, single values of the live export', () => {
    const merged = mergeActual([state, prod, staging]);
    expect(merged.iam?.accountIds).toEqual([PROD, STAGING]);
    expect(merged.iam?.users).toEqual([
      iamUser(PROD, 'ada', ['rolecall-admin', 'rolecall-engineer'], 'prod.json', 4, { created: '2026-01-01T00:00:00Z' }),
      iamUser(PROD, 'zed', [], 'prod.json', 20),
      iamUser(STAGING, 'ada', [], 'staging.json', 4),
    ]);
    expect(merged.sources.map((source) => `${source.kind} ${source.file}`)).toEqual([
      'aws-authorization-details prod.json',
      'aws-authorization-details staging.json',
      'state state.json',
    ]);
  });

  it('fills what the preferred fact lacks from the other: a GitHub role known only from state', () => {
    expect(mergeActual([github, githubState]).github?.members).toEqual([
      { login: 'Ada-GH', role: 'admin', from: { file: 'gh/members.json', line: 2 } },
    ]);
  });

  it('gives the same result whatever the order of the pieces', () => {
    const pieces = [state, prod, staging, github, githubState];
    expect(mergeActual([...pieces].reverse())).toEqual(mergeActual(pieces));
  });

  it('leaves out the kinds no source covers, and keeps a covered kind with nothing in it', () => {
    expect(mergeActual([])).toEqual({ sources: [] });
    const merged = mergeActual([{ actual: { pagerduty: { users: [] } } }, { actual: {} }]);
    expect(merged).toEqual({ sources: [], pagerduty: { users: [] } });
  });

  it('keeps the newest report of an entity read twice', () => {
    const report = (generated: string, line: number): ActualPiece => ({
      actual: {
        lastAccessed: [
          { entityArn: 'arn:aws:iam::111111111111:group/g', services: [], generated, from: { file: `la-${line}.json`, line } },
        ],
      },
    });
    expect(
      mergeActual([report('2026-11-20T10:00:00Z', 1), report('2026-11-21T10:00:00Z', 2)]).lastAccessed?.map((entry) => entry.generated),
    ).toEqual(['2026-11-21T10:00:00Z']);
  });

  it('merges what the readers return, problems and all', () => {
    const details = readAuthorizationDetails(
      'prod.json',
      json({ UserDetailList: [{ UserName: 'ada', Arn: `arn:aws:iam::${PROD}:user/ada`, GroupList: ['g'] }] }),
    );
    const shown = readTerraformState(
      's.json',
      json({
        version: 4,
        resources: [
          {
            mode: 'managed',
            type: 'aws_iam_user',
            name: 'ada',
            instances: [{ attributes: { name: 'ada', arn: `arn:aws:iam::${PROD}:user/ada` } }],
          },
        ],
      }),
    );
    const members = readGithubExport('gh', new Map([['members.json', '[]']]));
    const merged = mergeActual([details, shown, members]);
    expect(merged.iam?.users.map((user) => `${user.from.file}:${user.from.line} ${user.groups.join(',')}`)).toEqual(['prod.json:3 g']);
    expect(merged.github?.members).toEqual([]);
    expect(merged.sources).toHaveLength(3);
  });
});
