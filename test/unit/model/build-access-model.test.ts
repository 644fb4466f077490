import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { loadModel } from '../../../src/pipeline/load-model';
import { personCapabilities, personGrants } from '../../../src/model/build/person-access';
import type { AccessModel } from '../../../src/model/types';
import { copyRoles, VALID_FIXTURE, type RolesCopy } from '../../helpers/roles-dir';

function modelOf(dir: string, asOf = '2026-11-22'): AccessModel {
  const loaded = loadModel(dir, asOf, 'roles');
  if (!loaded.model) throw new Error(`fixture invalid: ${JSON.stringify(loaded.problems)}`);
  return loaded.model;
}

/** Rewrites a YAML list in a file in the given order, keeping everything else. */
function reorder(copy: RolesCopy, file: string, key: string, order: readonly number[]): void {
  const doc = parseDocument(copy.read(file));
  const list = doc.get(key, true) as { items: unknown[] };
  list.items = order.map((index) => list.items[index]);
  copy.write(file, doc.toString());
}

describe('the access model', () => {
  const model = modelOf(VALID_FIXTURE);

  it('traces every grant to a duty quote with its JD line, or to a written baseline reason', () => {
    const olga = model.people.find((person) => person.id === 'olga');
    const cluster = (olga ? personGrants(model, olga) : []).find((grant) => grant.id === 'cluster-read/aws:prod');
    expect(cluster?.because).toEqual([
      {
        roleId: 'operator',
        capabilityId: 'cluster-read',
        reason: {
          kind: 'duty',
          quote: 'keep the kubernetes clusters healthy',
          at: { file: 'roles/operator.yaml', line: 5 },
          jd: { file: 'roles/jd/operator.md', line: 5, section: 'Responsibilities', text: 'Keep the Kubernetes clusters healthy' },
        },
      },
    ]);
    const dev = model.people.find((person) => person.id === 'dev');
    expect((dev ? personGrants(model, dev) : []).find((grant) => grant.capabilityId === 'cluster-read')?.because[0]?.reason).toMatchObject({
      kind: 'baseline',
      reason: 'developers debug their services on the clusters',
    });
    for (const person of model.people) {
      for (const grant of personGrants(model, person)) {
        expect(grant.because.length).toBeGreaterThan(0);
        for (const justification of grant.because) {
          if (justification.reason.kind === 'duty') expect(justification.reason.jd.line).toBeGreaterThan(0);
        }
      }
    }
  });

  it('grants nothing before start or after end', () => {
    const late = modelOf(VALID_FIXTURE, '2027-01-01');
    const ended = late.people.find((person) => person.id === 'ned');
    expect(ended).toMatchObject({ status: 'ended' });
    expect(ended && [personGrants(late, ended), personCapabilities(late, ended)]).toEqual([[], []]);
    const early = modelOf(VALID_FIXTURE, '2024-01-01');
    const waiting = early.people.find((person) => person.id === 'ned');
    expect(waiting).toMatchObject({ status: 'not-started' });
    expect(waiting && personGrants(early, waiting)).toEqual([]);
    expect(early.github.members.map((member) => member.personId)).toEqual(['olga']);
    expect(early.oncall.rotations[0]?.members).toEqual(['olga']);
  });

  it('keeps the end date itself inclusive', () => {
    expect(modelOf(VALID_FIXTURE, '2026-12-31').people.find((person) => person.id === 'ned')?.status).toBe('active');
  });

  it('orders rotation members by start date, then id', () => {
    expect(model.oncall.rotations).toEqual([
      expect.objectContaining({ id: 'ops-primary', members: ['olga', 'ned'], handoff: { day: 'monday', time: '09:00' } }),
    ]);
  });

  it('gives each role team its repositories at the highest permission and owners as maintainers', () => {
    const developer = model.github.teams.find((team) => team.slug === 'developer');
    expect(developer?.repositories).toEqual([
      { name: 'api', permission: 'push', capabilities: ['code-push'] },
      { name: 'web', permission: 'pull', capabilities: ['code-push'] },
    ]);
    const operator = model.github.teams.find((team) => team.slug === 'operator');
    expect(operator?.members).toEqual([
      { personId: 'ned', login: 'ned-new', role: 'member' },
      { personId: 'olga', login: 'olga-ops', role: 'maintainer' },
    ]);
    expect(model.github.members).toContainEqual({ personId: 'olga', login: 'olga-ops', role: 'admin' });
  });

  it('makes the longest-serving member maintain a team that declares none', () => {
    const developer = model.github.teams.find((team) => team.slug === 'developer');
    expect(developer?.members).toEqual([
      { personId: 'dev', login: 'DeeDev', role: 'maintainer', fallback: true },
      { personId: 'ned', login: 'ned-new', role: 'member' },
    ]);
  });

  it('targets the default account when a capability names none', () => {
    const operator = model.aws.roles.find((role) => role.roleId === 'operator');
    expect(operator?.accounts.map((account) => [account.account, account.capabilities])).toEqual([
      ['prod', ['cluster-read']],
      ['staging', ['cluster-read', 'ops-oncall']],
    ]);
  });

  it('does not depend on the order of entries in the files', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }),
        fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }),
        (people, capabilities) => {
          const copy = copyRoles();
          try {
            reorder(copy, 'people.yaml', 'people', people);
            reorder(copy, 'capabilities.yaml', 'capabilities', capabilities);
            const shuffled = modelOf(copy.dir);
            // Positions differ with the order; everything else must not.
            expect(JSON.stringify(withoutLines(shuffled))).toBe(JSON.stringify(withoutLines(model)));
          } finally {
            copy.remove();
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});

function withoutLines(model: AccessModel): unknown {
  return JSON.parse(JSON.stringify(model), (key, value) => (key === 'line' && typeof value === 'number' ? 0 : value));
}

describe('rotations with nobody in them', () => {
  it('are left out of the model and warned about', () => {
    // Before ned starts, olga is the only one in the rotation; she opts out.
    const copy = copyRoles();
    try {
      copy.edit(
        'people.yaml',
        '    start: 2023-01-02\n',
        '    start: 2023-01-02\n    oncallOptOut: { reason: "incident commander, not in the rotation" }\n',
      );
      const loaded = loadModel(copy.dir, '2024-06-03', 'roles');
      expect(loaded.model?.oncall.rotations).toEqual([]);
      expect(loaded.problems.map((problem) => problem.message)).toContain(
        'rotations[0].id: rotation "ops-primary" has no members on 2024-06-03 and is not provisioned',
      );
    } finally {
      copy.remove();
    }
  });
});
