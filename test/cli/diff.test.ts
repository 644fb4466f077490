import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { snapshotRolesDir } from '../../src/load/git-snapshot';
import { loadModel } from '../../src/pipeline/load-model';
import type { AccessDiff, BrokenQuote } from '../../src/review';
import { rolesRepo, type RolesRepo } from '../helpers/git-roles-repo';
import { runCli } from '../helpers/run-cli';

// Issue 10: `rolecall diff` between commits of a real git repository, one commit per kind of change;
// each diff must say exactly that change, and the reorder nothing at all.
const AS_OF = '2026-11-22';
const noStack = (text: string): void => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);

interface JsonDiff extends AccessDiff {
  readonly summary: { readonly empty: boolean; readonly people: Record<string, number> };
  readonly callouts: AccessDiff['risks'];
  readonly gate?: { readonly failed: boolean };
}

let repo: RolesRepo;
const commits: Record<string, string> = {};

async function diff(base: string, head: string, ...extra: string[]): Promise<{ code: number; json: JsonDiff; stderr: string }> {
  const result = await runCli(['diff', '--base', base, '--head', head, '--format', 'json', ...extra], { cwd: repo.dir, asOf: AS_OF });
  noStack(result.stderr);
  return { code: result.code, json: JSON.parse(result.stdout) as JsonDiff, stderr: result.stderr };
}

/** Every list of a YAML file in reverse order, written out again in another layout. */
function reordered(text: string): string {
  const reverse = (node: unknown): unknown =>
    Array.isArray(node)
      ? [...node].reverse().map(reverse)
      : node && typeof node === 'object'
        ? Object.fromEntries(
            Object.entries(node)
              .reverse()
              .map(([key, value]) => [key, reverse(value)]),
          )
        : node;
  return YAML.stringify(reverse(YAML.parse(text)), { lineWidth: 0 });
}

beforeAll(() => {
  repo = rolesRepo();
  commits.base = repo.git('rev-parse', 'HEAD').trim();
  repo.edit(
    'people.yaml',
    /\s*$/,
    `\n\n  - id: zoe-novak\n    name: Zoe Novak\n    email: zoe.novak@northwindlabs.example\n    github: zoenovak\n    roles: [software-engineer]\n    start: 2026-11-02\n`,
  );
  commits.hire = repo.commit('hire Zoe');
  repo.edit(
    'capabilities.yaml',
    'actions: [eks:UpdateNodegroupConfig, eks:UpdateNodegroupVersion]',
    'actions: [eks:UpdateNodegroupConfig, eks:UpdateNodegroupVersion, eks:DeleteNodegroup]',
  );
  commits.widen = repo.commit('let the staging EKS operators delete node groups');
  repo.move('software-engineer.yaml', 'product-engineer.yaml');
  repo.edit('product-engineer.yaml', 'id: software-engineer', 'id: product-engineer');
  repo.edit('people.yaml', /roles: \[software-engineer\]/g, 'roles: [product-engineer]');
  commits.rename = repo.commit('software engineers are product engineers now');
  repo.edit(
    'platform-engineer.yaml',
    'baseline:\n',
    'baseline:\n  - capability: mongodb-clusters-operate\n    reason: Platform engineers restore the MongoDB replica sets when the SREs are paged out.\n',
  );
  repo.edit(
    'capabilities.yaml',
    'roles: [cloud-engineer, site-reliability-engineer]',
    'roles: [cloud-engineer, platform-engineer, site-reliability-engineer]',
  );
  commits.accepted = repo.commit('platform engineers may open shells on the MongoDB hosts, accepted');
  for (const file of ['people.yaml', 'capabilities.yaml', 'platform-engineer.yaml', 'org.yaml'])
    repo.write(file, reordered(repo.read(file)));
  commits.reorder = repo.commit('reorder and reformat');
  repo.edit('jd/software-engineer.md', 'Read logs, metrics and traces to understand', 'Read logs and traces to understand');
  commits.brokenQuote = repo.commit('shorter JD line');
}, 60_000);

afterAll(() => repo.remove());

describe('rolecall diff between commits', () => {
  it('says a hire was added, with the access they gain and nothing else', async () => {
    const { code, json } = await diff(commits.base ?? '', commits.hire ?? '');
    expect(code).toBe(0);
    expect(json.people.map((person) => [person.id, person.change, person.status?.to, person.roles.added])).toEqual([
      ['zoe-novak', 'added', 'active', ['software-engineer']],
    ]);
    const [zoe] = json.people;
    expect(zoe?.aws.gained.flatMap((statement) => statement.actions)).toContain('eks:UpdateNodegroupConfig');
    expect(zoe?.github.teams).toEqual([{ name: 'software-engineer', to: 'member' }]);
    // Started 20 days before the date: she joins platform-secondary after its 28 days of ramp-up.
    expect(zoe?.oncall.joined).toEqual([]);
    expect([json.roles, json.capabilities, json.justifications.duties]).toEqual([[], [], []]);
    expect(json.risks.every((item) => item.kind === 'access-gained' && item.people.join() === 'zoe-novak')).toBe(true);
  });

  it('names the action a widened capability adds, every person who gains it, and its risk', async () => {
    const { code, json } = await diff(commits.hire ?? '', commits.widen ?? '');
    const snapshot = snapshotRolesDir({ cwd: repo.dir, rolesDir: 'roles', revision: commits.widen ?? '' });
    const head = loadModel(snapshot.dir, AS_OF, 'roles');
    snapshot.remove();
    expect(code).toBe(0);
    expect(json.capabilities.map((capability) => [capability.id, capability.aws.gained.flatMap((statement) => statement.actions)])).toEqual(
      [['eks-operate-staging', ['eks:DeleteNodegroup']]],
    );
    // Who holds it now, computed from the model the long way: active holders of a role granting it.
    const granting = new Set(
      head.model?.roles
        .filter((role) => role.capabilities.some((capability) => capability.id === 'eks-operate-staging'))
        .map((role) => role.id),
    );
    const holders = (head.model?.people ?? [])
      .filter((person) => person.status === 'active' && person.roles.some((role) => granting.has(role)))
      .map((person) => person.id);
    expect(json.people.map((person) => person.id)).toEqual(holders.sort());
    for (const person of json.people)
      expect(person.aws).toEqual({
        gained: [expect.objectContaining({ account: 'staging', actions: ['eks:DeleteNodegroup'], risk: 'medium' })],
        lost: [],
        policiesGained: [],
        policiesLost: [],
      });
    expect(json.risks).toEqual([
      expect.objectContaining({
        kind: 'access-gained',
        capability: 'eks-operate-staging',
        level: 'medium',
        people: holders,
        accepted: false,
      }),
    ]);
  });

  it('says a role was renamed, and moves its holders to the renamed team without any other access change', async () => {
    const { json } = await diff(commits.widen ?? '', commits.rename ?? '');
    expect(json.roles).toEqual([
      expect.objectContaining({
        id: 'product-engineer',
        change: 'renamed',
        from: 'software-engineer',
        team: { name: 'team', from: 'software-engineer', to: 'product-engineer' },
      }),
    ]);
    expect(json.roles[0]?.aws).toEqual({ gained: [], lost: [], policiesGained: [], policiesLost: [] });
    expect(json.risks).toEqual([]);
    expect([json.capabilities, json.justifications]).toEqual([[], { duties: [], anchors: [], rejustified: [] }]);
    for (const person of json.people) {
      expect(person.roles).toEqual({ added: ['product-engineer'], removed: ['software-engineer'] });
      expect(person.github.teams.map((team) => [team.name, team.from === undefined ? 'joins' : 'leaves'])).toEqual([
        ['product-engineer', 'joins'],
        ['software-engineer', 'leaves'],
      ]);
      expect([person.aws.gained, person.aws.lost, person.github.repositories, person.oncall]).toEqual([
        [],
        [],
        [],
        { joined: [], left: [] },
      ]);
    }
  });

  it('says nothing about a reordered and reformatted directory', async () => {
    expect(repo.git('diff', '--stat', commits.accepted ?? '', commits.reorder ?? '')).toMatch(/4 files changed/);
    const { code, json } = await diff(commits.accepted ?? '', commits.reorder ?? '');
    expect(code).toBe(0);
    expect(json.summary.empty).toBe(true);
    const markdown = await runCli(['diff', '--base', commits.accepted ?? '', '--head', commits.reorder ?? ''], {
      cwd: repo.dir,
      asOf: AS_OF,
    });
    expect(markdown.stdout).toMatch(/\*\*No change in access\.\*\*/);
  });

  it('calls out an accepted high-risk capability added to another role, and the widened acceptance', async () => {
    const { code, json } = await diff(commits.rename ?? '', commits.accepted ?? '', '--fail-on', 'high');
    expect(code).toBe(0);
    expect(json.gate?.failed).toBe(false);
    expect(json.callouts.map((item) => [item.level, item.kind, item.capability, item.roles, item.accepted])).toEqual([
      ['high', 'access-gained', 'mongodb-clusters-operate', ['platform-engineer'], true],
      ['high', 'acceptance-widened', 'mongodb-clusters-operate', ['platform-engineer'], undefined],
    ]);
    expect(json.roles.map((role) => [role.id, role.capabilities.added])).toEqual([['platform-engineer', ['mongodb-clusters-operate']]]);
    expect(json.justifications.duties).toEqual([]);
  });

  it('fails when a JD edit breaks a duty quote, naming the quote, where the base found it, and exit 1', async () => {
    const result = await runCli(['diff', '--base', commits.reorder ?? '', '--format', 'json'], { cwd: repo.dir, asOf: AS_OF });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^head working tree: invalid: 1 error/m);
    expect(result.stderr).toMatch(
      /^roles\/product-engineer\.yaml:\d+:\d+: duties\[3\]\.quote: quote not found in roles\/jd\/software-engineer\.md/m,
    );
    noStack(result.stderr);
    const broken = (JSON.parse(result.stdout) as { brokenQuotes: BrokenQuote[] }).brokenQuotes;
    expect(broken).toEqual([
      expect.objectContaining({
        role: 'product-engineer',
        cause: 'jd-edited',
        jd: 'roles/jd/software-engineer.md',
        was: expect.objectContaining({ file: `${commits.reorder}:roles/jd/software-engineer.md` }),
      }),
    ]);
  });
});

describe('rolecall diff and the working tree', () => {
  it('reads the head from the working tree by default and leaves the working tree and the index as they were', async () => {
    repo.git('reset', '-q', '--hard', commits.widen ?? '');
    repo.edit('capabilities.yaml', 'actions: [codebuild:StartBuild,', 'actions: [codebuild:BatchDeleteBuilds, codebuild:StartBuild,');
    const index = readFileSync(join(repo.dir, '.git/index'));
    const status = repo.git('status', '--porcelain');
    const result = await runCli(['diff', '--base', 'HEAD', '--format', 'json'], { cwd: repo.dir, asOf: AS_OF });
    expect(result.code).toBe(0);
    expect(
      (JSON.parse(result.stdout) as JsonDiff).capabilities.map((capability) =>
        capability.aws.gained.flatMap((statement) => statement.actions),
      ),
    ).toEqual([['codebuild:BatchDeleteBuilds']]);
    expect(repo.git('status', '--porcelain')).toBe(status);
    expect(readFileSync(join(repo.dir, '.git/index')).equals(index)).toBe(true);
  });

  it.each([
    ['--base is not a revision', ['--base', 'no-such-branch'], /^rolecall diff: --base: unknown git revision "no-such-branch"/],
    ['--head is not a revision', ['--base', 'HEAD', '--head', 'HEAD~99'], /^rolecall diff: --head: unknown git revision "HEAD~99"/],
    ['--base looks like an option', ['--base=--output=x'], /^rolecall diff: --base: not a git revision/],
    ['--base is missing', [], /^rolecall diff: missing --base REV/],
    ['--format is unknown', ['--base', 'HEAD', '--format', 'html'], /^rolecall diff: --format expects md or json, got "html"/],
    [
      '--fail-on is unknown',
      ['--base', 'HEAD', '--fail-on', 'critical'],
      /^rolecall diff: --fail-on expects low, medium or high, got "critical"/,
    ],
  ])('fails when %s, with exit 2 and the usage', async (_what, argv, message) => {
    const result = await runCli(['diff', ...argv], { cwd: repo.dir, asOf: AS_OF });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/usage: rolecall diff/);
    expect(result.stdout).toBe('');
    noStack(result.stderr);
  });

  it('fails when run outside a git repository, with exit 2', async () => {
    const result = await runCli(['diff', '--base', 'HEAD', '--roles', join(repo.dir, 'roles')], { cwd: '/', asOf: AS_OF });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^rolecall diff: --base: not inside a git repository/);
  });

  it('fails when the base is invalid, citing its files as REV:roles/… with exit 1', async () => {
    repo.git('reset', '-q', '--hard', commits.widen ?? '');
    repo.edit('people.yaml', 'roles: [cloud-engineer]', 'roles: [cloud-enginer]');
    const broken = repo.commit('typo');
    repo.git('revert', '--no-edit', 'HEAD');
    const result = await runCli(['diff', '--base', broken, '--format', 'json'], { cwd: repo.dir, asOf: AS_OF });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`^${broken}:roles/people\\.yaml:\\d+:\\d+: people\\[\\d+\\]\\.roles\\[0\\]: unknown role "cloud-enginer"`, 'm'),
    );
  });

  it('fails --fail-on high on unaccepted high-risk access (a new organisation owner), and passes --fail-on with nothing risky', async () => {
    repo.git('reset', '-q', '--hard', commits.widen ?? '');
    repo.edit('org.yaml', /owners: \[([^\]]*)\]/, 'owners: [$1, hana-suzuki]');
    const owner = await runCli(['diff', '--base', 'HEAD', '--fail-on', 'high', '--format', 'json'], { cwd: repo.dir, asOf: AS_OF });
    expect(owner.code).toBe(1);
    expect((JSON.parse(owner.stdout) as JsonDiff).gate).toEqual({
      failOn: 'high',
      failed: true,
      unaccepted: [expect.objectContaining({ kind: 'owner-added', people: ['hana-suzuki'] })],
    });
    repo.git('checkout', '-q', '--', '.');
    expect((await runCli(['diff', '--base', 'HEAD', '--fail-on', 'low'], { cwd: repo.dir, asOf: AS_OF })).code).toBe(0);
  });
});
