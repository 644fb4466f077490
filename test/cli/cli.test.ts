import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../../src/schema/json-schema';
import { copyRoles, EXAMPLE_ROLES, PROJECT_ROOT, VALID_FIXTURE } from '../helpers/roles-dir';
import { runCli } from '../helpers/run-cli';
import { SEEDS_DIR as SEEDS, seedIt } from '../helpers/seeds';

const noStack = (text: string): void => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);

describe('rolecall validate', () => {
  it('passes on the example org', async () => {
    const result = await runCli(['validate'], { cwd: PROJECT_ROOT });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^valid as of 2026-11-22: 4 roles, \d+ capabilities, \d+ people \(\d+ active\), \d+ grants\n$/);
    expect(result.code).toBe(0);
  });

  it.each([
    [
      'a broken YAML file',
      'people.yaml',
      '    roles: [developer]\n',
      '    roles: [developer\n',
      /^roles\/people\.yaml:\d+:\d+: invalid YAML/m,
    ],
    [
      'an unknown role',
      'people.yaml',
      'roles: [developer]',
      'roles: [sre2]',
      /^roles\/people\.yaml:12:13: people\[1\]\.roles\[0\]: unknown role "sre2" \(known: developer, operator\)$/m,
    ],
    [
      'a duplicate person',
      'people.yaml',
      'id: dev\n',
      'id: olga\n',
      /^roles\/people\.yaml:8:9: people\[1\]\.id: duplicate person id "olga"/m,
    ],
    [
      'a quote missing from its JD',
      'operator.yaml',
      'keep the kubernetes clusters healthy',
      'keep the clusters on fire',
      /^roles\/operator\.yaml:5:12: duties\[0\]\.quote: quote not found in roles\/jd\/operator\.md \(closest passage/m,
    ],
    [
      'a misspelt IAM action',
      'capabilities.yaml',
      'eks:DescribeCluster',
      'eks:DescribeClusters',
      /^roles\/capabilities\.yaml:\d+:\d+: capabilities\[0\]\.aws\[0\]\.statements\[0\]\.actions\[0\]: .*\(did you mean "eks:DescribeCluster"/m,
    ],
    [
      'iam:PassRole on * without acceptance',
      'capabilities.yaml',
      'actions: [eks:DescribeCluster, eks:ListClusters]',
      'actions: [eks:DescribeCluster, iam:PassRole]',
      /^roles\/capabilities\.yaml:\d+:\d+: capabilities\[0\]\.risk: computed risk is high and not accepted: privilege-escalation: iam:PassRole/m,
    ],
    [
      'the old "accepted: true" form',
      'capabilities.yaml',
      'risk: low',
      'risk: { level: high, accepted: true, reason: "olga weighed it in review" }',
      /^roles\/capabilities\.yaml:8:\d+: capabilities\[0\]\.risk\.accepted: "accepted: true" no longer accepts a risk: .*\(hint: accepted: \{ by: \[person-id\], on: YYYY-MM-DD, roles: \[role-id\]/m,
    ],
  ])('fails on %s with a positioned line, exit 1 and no stack trace', async (_what, file, from, to, pattern) => {
    const copy = copyRoles(VALID_FIXTURE);
    try {
      copy.edit(file, from, to);
      const result = await runCli(['validate', '--roles', 'roles'], { cwd: join(copy.dir, '..') });
      expect(result.stderr).toMatch(pattern);
      expect(result.stderr).toMatch(/^invalid: \d+ errors?, \d+ warnings?$/m);
      expect(result.stdout).toBe('');
      expect(result.code).toBe(1);
      noStack(result.stderr);
    } finally {
      copy.remove();
    }
  });

  it('fails with exit 2 on an unknown option', async () => {
    const result = await runCli(['validate', '--rolez', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^rolecall validate: unknown option '--rolez'/);
  });

  it('fails with exit 2 on a malformed --as-of', async () => {
    expect((await runCli(['validate', '--as-of', '2026-13-01'], { cwd: PROJECT_ROOT })).code).toBe(2);
  });
});

describe('rolecall --help', () => {
  it.each([['validate'], ['explain'], ['report'], ['jd', 'parse'], ['jd', 'draft'], ['schema'], ['check-stacks']])(
    'prints help for %s',
    async (...words) => {
      const result = await runCli([...words, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^usage: rolecall ${words.join(' ')}`));
    },
  );

  it('lists the commands and exits 2 without one', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('jd parse');
  });

  it('fails with exit 2 on an unknown command', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(2);
  });
});

describe('rolecall jd parse', () => {
  const seeds = ['000_89da86671658412b.txt', '002_d0ff996159fdbdb7.txt', '003_21b2e3dd9ad680a4.txt'];

  seedIt().each(seeds)('prints %s as JSON with title and duties', async (seed) => {
    const result = await runCli(['jd', 'parse', join(SEEDS, seed)]);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as {
      title: string;
      format: string;
      duties: { text: string; line: number; section: string }[];
    };
    expect(parsed.title.length).toBeGreaterThan(3);
    expect(parsed.duties.length).toBeGreaterThan(5);
    for (const duty of parsed.duties)
      expect(duty).toEqual({ text: expect.any(String), line: expect.any(Number), section: expect.any(String) });
  });

  seedIt()('gives the titles of the seeds', async () => {
    const title = async (seed: string): Promise<string> =>
      (JSON.parse((await runCli(['jd', 'parse', join(SEEDS, seed)])).stdout) as { title: string }).title;
    expect(await title('000_89da86671658412b.txt')).toBe('Cloud Engineer');
    expect(await title('002_d0ff996159fdbdb7.txt')).toBe('Site Reliability Engineer (Remote Europe)');
  });

  it('fails on a missing file with a positioned line and exit 1', async () => {
    const result = await runCli(['jd', 'parse', 'nope.md']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'nope.md:1:1: file not found\n' });
  });

  it('fails on JSON that is not a JobPosting', async () => {
    const copy = copyRoles();
    try {
      copy.write('jd/bad.json', '{"@type": "Organization", "name": "x"}\n');
      const result = await runCli(['jd', 'parse', join(copy.dir, 'jd/bad.json')]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/bad\.json:1:\d+: /);
      noStack(result.stderr);
    } finally {
      copy.remove();
    }
  });
});

describe('rolecall jd draft', () => {
  it('drafts a role whose duties carry scored suggestions, high-risk ones only in comments', async () => {
    const result = await runCli(['jd', 'draft', 'roles/jd/cloud-engineer.md'], { cwd: PROJECT_ROOT });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# yaml-language-server: \$schema=\.\.\/schema\/role\.schema\.json$/m);
    expect(result.stdout).toMatch(/^jd: jd\/cloud-engineer\.md$/m);
    expect(result.stdout).toMatch(/^ {4}capabilities: \[[a-z-]+/m);
    expect(result.stdout).toMatch(/# .*line \d+; matched: [a-z-]+ \([^)]*; score [\d.]+\)/);
    // The example catalog's high-risk capabilities are suggested for a human, never granted.
    expect(result.stdout).not.toMatch(/^ {4}capabilities: \[[^\]]*(?:iac-apply-prod|iac-apply-staging|mongodb-clusters-operate)/m);
    expect(result.stdout).toMatch(/^ {2}# {3}capabilities: \[iac-apply-prod\]$/m);
  });

  it('is deterministic', async () => {
    const first = (await runCli(['jd', 'draft', 'roles/jd/platform-engineer.md'], { cwd: PROJECT_ROOT })).stdout;
    expect((await runCli(['jd', 'draft', 'roles/jd/platform-engineer.md'], { cwd: PROJECT_ROOT })).stdout).toBe(first);
  });

  it('drafts nothing from a JD with no duties, and says why', async () => {
    const copy = copyRoles(EXAMPLE_ROLES);
    try {
      copy.write('jd/values.md', '# Our values\n\n## Benefits\n\n- Lunch\n\n## About us\n\nWe make software.\n');
      const result = await runCli(['jd', 'draft', 'jd/values.md', '--roles', '.'], { cwd: copy.dir });
      expect(result).toEqual({
        code: 1,
        stdout: '',
        stderr:
          'jd/values.md:1:1: no duties found in the JD; nothing to draft (no section lists duties: name their headings in org.yaml jdSections.duties, or check them with rolecall jd parse)\n',
      });
    } finally {
      copy.remove();
    }
  });

  it('reads the JD with org.yaml jdSections, as validate does', async () => {
    const copy = copyRoles(EXAMPLE_ROLES);
    try {
      copy.write('jd/missions.md', '# SRE\n\n## Missionen\n\n- Run the Grafana dashboards\n');
      expect((await runCli(['jd', 'draft', 'jd/missions.md', '--roles', '.'], { cwd: copy.dir })).code).toBe(1);
      copy.edit('org.yaml', /^name: /m, 'jdSections:\n  duties: [Missionen]\nname: ');
      const result = await runCli(['jd', 'draft', 'jd/missions.md', '--roles', '.'], { cwd: copy.dir });
      expect(result.stdout).toMatch(/- quote: Run the Grafana dashboards\n {4}capabilities: \[observability-read\]/);
      const parsed = await runCli(['jd', 'parse', 'jd/missions.md', '--roles', '.'], { cwd: copy.dir });
      expect(JSON.parse(parsed.stdout).duties).toEqual([{ text: 'Run the Grafana dashboards', line: 5, section: 'Missionen' }]);
    } finally {
      copy.remove();
    }
  });
});

describe('rolecall explain', () => {
  it('traces every grant of a person to a JD line', async () => {
    const result = await runCli(['explain', 'olga', '--roles', VALID_FIXTURE]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Olga Ops (olga)');
    expect(result.stdout).toMatch(
      /because operator duty "keep the kubernetes clusters healthy" \(.*operator\.yaml:5 -> .*jd\/operator\.md:5, Responsibilities\)/,
    );
    expect(result.stdout).toContain('grants on-call rotation ops-primary');
    expect(result.stdout).toContain('on call: ops-primary (position 1 of 2)');
  });

  it('explains every person of the example org with a JD line for each duty', async () => {
    const people = readFileSync(join(EXAMPLE_ROLES, 'people.yaml'), 'utf8').match(/^ {2}- id: (\S+)$/gm) ?? [];
    expect(people.length).toBeGreaterThan(5);
    for (const line of people) {
      const id = line.replace(/^ {2}- id: /, '');
      const result = await runCli(['explain', id], { cwd: PROJECT_ROOT });
      expect(result.code).toBe(0);
      for (const because of result.stdout.split('\n').filter((text) => text.includes('duty "'))) {
        expect(because).toMatch(/-> roles\/jd\/[a-z-]+\.(md|json):\d+, /);
      }
    }
  });

  it('expands wildcard actions', async () => {
    const copy = copyRoles();
    try {
      copy.edit('capabilities.yaml', 'actions: [eks:DescribeCluster, eks:ListClusters]', 'actions: ["eks:Describe*"]');
      const result = await runCli(['explain', 'olga', '--roles', copy.dir]);
      expect(result.stdout).toMatch(/eks:Describe\* = \d+ actions: .*eks:DescribeCluster/);
    } finally {
      copy.remove();
    }
  });

  it('shows who accepted a high risk, when, for which roles and until when', async () => {
    const result = await runCli(['explain', 'platform-engineer'], { cwd: PROJECT_ROOT });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^capability iac-apply-prod {2}\[risk high, computed \w+, accepted\]\n {2}accepted by amara-okafor, jonas-lindqvist on 2026-02-09 for cloud-engineer, platform-engineer, no expiry \(roles\/capabilities\.yaml:\d+\): Production changes need /m,
    );
  });

  it('suggests an id when it knows none', async () => {
    const result = await runCli(['explain', 'olgaa', '--roles', VALID_FIXTURE]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^no person or role with id "olgaa" \(did you mean "olga"\?\)$/m);
  });
});

describe('rolecall report', () => {
  it('reports people, roles and capabilities with their justifying JD lines', async () => {
    const result = await runCli(['report', '--roles', VALID_FIXTURE]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Access report: Fixture Co, as of 2026-11-22$/m);
    expect(result.stdout).toMatch(/^\| ned \| active \| developer, operator \| 3 \| \d+ \| medium \| ops-primary \|$/m);
    expect(result.stdout).toMatch(
      /^\| cluster-read \| low \| low \/ low \| - \| 3 \| developer baseline; operator duty at .*jd\/operator\.md:5 \|$/m,
    );
  });

  it('shows each acceptance: who, when, for which roles, until when', async () => {
    const copy = copyRoles();
    try {
      copy.edit(
        'capabilities.yaml',
        'actions: [eks:DescribeCluster, eks:ListClusters]',
        'actions: [eks:DescribeCluster, eks:ListClusters, iam:PassRole]',
      );
      copy.edit(
        'capabilities.yaml',
        'risk: low',
        'risk:\n      level: high\n      accepted: { by: [olga], on: 2026-01-05, roles: [operator, developer], expires: 2027-06-30, reason: operators hand roles to the nodes }',
      );
      const result = await runCli(['report', '--roles', copy.dir]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^\| cluster-read \| high \| high \/ high \| olga, 2026-01-05 to 2027-06-30 \| 3 \| /m);
      expect(result.stdout).toMatch(
        /^- \*\*cluster-read\*\*: accepted by olga on 2026-01-05 for developer, operator, until 2027-06-30 \(.*capabilities\.yaml:10\): operators hand roles to the nodes$/m,
      );
    } finally {
      copy.remove();
    }
  });

  it('shows people outside their dates without access', async () => {
    const result = await runCli(['report', '--roles', VALID_FIXTURE, '--as-of', '2027-02-01']);
    expect(result.stdout).toMatch(/^\| ned \| ended \(ended 2026-12-31\) \| developer, operator \| 0 \| 0 \| - \| - \|$/m);
  });
});

describe('rolecall check-stacks', () => {
  it('fails with exit 1 and one line when nothing was synthesized', async () => {
    const result = await runCli(['check-stacks', '--dir', '/nonexistent/cdktf.out']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: '/nonexistent/cdktf.out: failed: no synthesized stacks in /nonexistent/cdktf.out/stacks (run cdktf synth first)\n',
    });
  });
});

describe('rolecall schema', () => {
  it('matches the committed JSON Schemas the example files point at', async () => {
    for (const [name, text] of Object.entries(jsonSchemas())) {
      expect(readFileSync(join(PROJECT_ROOT, 'schema', `${name}.schema.json`), 'utf8')).toBe(text);
    }
  });
});
