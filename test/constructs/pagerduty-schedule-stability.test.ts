import * as fc from 'fast-check';
import { PagerdutyOncall } from '../../src/constructs/oncall/pagerduty-oncall';
import { loadModel } from '../../src/pipeline/load-model';
import { copyRoles, EXAMPLE_ROLES, type RolesCopy } from '../helpers/roles-dir';
import { pagerdutyOncall } from '../helpers/oncall-of';
import { synthScope } from '../helpers/synth-construct';

/**
 * The synthesized PagerDuty schedules of the example org (moved to PagerDuty), read the way PagerDuty
 * reads a layer: the user on call is `users[turn mod n]`, the turn being the whole weeks on the
 * schedule's wall clock from `rotation_virtual_start`. Whoever joins on a date (a hire whose ramp-up ends
 * then) or leaves on it (someone else's last day the day before) moves neither the current nor the next
 * shift of any rotation.
 */
const WEEK = 7 * 86_400_000;
const day = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function schedulesOf(copy: RolesCopy, asOf: string): Map<string, { start: string; users: string[] }> {
  const model = loadModel(copy.dir, asOf, 'roles').model;
  if (!model) throw new Error('test setup: the org does not load');
  const synthesized = synthScope((scope) => new PagerdutyOncall(scope, 'pagerduty', { oncall: pagerdutyOncall(model) }));
  const schedules = new Map<string, { start: string; users: string[] }>();
  for (const [name, schedule] of Object.entries(synthesized.resources('pagerduty_schedule'))) {
    const [layer] = schedule['layer'] as { rotation_virtual_start: string; users: string[] }[];
    if (!layer) continue;
    // Users are references to pagerduty_user resources, named after the person ids.
    schedules.set(name, {
      start: layer.rotation_virtual_start,
      users: layer.users.map((ref) => /^\$\{pagerduty_user\.([^.]+)\.id\}$/.exec(ref)?.[1] ?? ref),
    });
  }
  return schedules;
}

function onCall(schedule: { start: string; users: string[] }, asOf: string, weeks: number): string | undefined {
  const turn = Math.floor((Date.parse(`${asOf}T12:00:00Z`) + weeks * WEEK - Date.parse(`${schedule.start.slice(0, 19)}Z`)) / WEEK);
  const n = schedule.users.length;
  return schedule.users[((turn % n) + n) % n];
}

function pagerdutyCopy(): RolesCopy {
  const copy = copyRoles(EXAMPLE_ROLES);
  copy.edit('org.yaml', /  backend: aws-incident-manager\n[\s\S]*?  timeZone:/, '  backend: pagerduty\n  timeZone:');
  copy.edit('org.yaml', /  # Incident Manager must be replicated[\s\S]*?regions: \[[^\]]*\]\n/, '');
  return copy;
}

const hire = (start: string) =>
  `\n  - id: new-sre\n    name: New SRE\n    email: new.sre@northwindlabs.example\n    github: new-sre\n    roles: [site-reliability-engineer]\n    start: ${start}\n`;

describe('PagerDuty schedules across a change of members', () => {
  it('keep the current and the next shift when a hire joins a rotation or someone leaves', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.boolean(), (offset, leave) => {
        const asOf = day('2026-02-16', offset);
        const copy = pagerdutyCopy();
        try {
          const before = schedulesOf(copy, asOf);
          if (leave) {
            // Someone not on call now or next in any of their rotations: their last day was yesterday.
            const busy = new Set([...before.values()].flatMap((schedule) => [onCall(schedule, asOf, 0), onCall(schedule, asOf, 1)]));
            const leaver = ['mateo-alvarez', 'chidi-eze', 'fatima-haddad', 'jonas-lindqvist', 'priya-raman', 'noor-siddiqui'].find(
              (id) => !busy.has(id) && copy.read('people.yaml').includes(`id: ${id}\n`),
            );
            fc.pre(leaver !== undefined);
            copy.edit('people.yaml', new RegExp(`(- id: ${leaver}\\n(?:    .*\\n)*?    start: .*\\n)`), `$1    end: ${day(asOf, -1)}\n`);
          } else {
            copy.edit('people.yaml', /\s*$/, hire(day(asOf, -28)));
          }
          const after = schedulesOf(copy, asOf);
          for (const [rotation, schedule] of before) {
            const changed = after.get(rotation);
            if (!changed) continue;
            for (const weeks of [0, 1])
              expect([rotation, weeks, onCall(changed, asOf, weeks)]).toEqual([rotation, weeks, onCall(schedule, asOf, weeks)]);
          }
          if (!leave) expect([...after.values()].some((schedule) => schedule.users.includes('new-sre'))).toBe(true);
        } finally {
          copy.remove();
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('PagerDuty escalation', () => {
  it('goes round twice more, and pages the maintainers of the staffing roles when the rotation does not answer', () => {
    const copy = pagerdutyCopy();
    try {
      const model = loadModel(copy.dir, '2026-11-22', 'roles').model;
      if (!model) throw new Error('test setup: the org does not load');
      const synthesized = synthScope((scope) => new PagerdutyOncall(scope, 'pagerduty', { oncall: pagerdutyOncall(model) }));
      const policies = synthesized.resources('pagerduty_escalation_policy');
      const primary = model.oncall.rotations.find((rotation) => rotation.id === 'platform-primary');
      expect(primary?.escalation?.length).toBeGreaterThan(0);
      expect(policies['platform-primary']).toMatchObject({
        num_loops: 2,
        rule: [
          { escalation_delay_in_minutes: 30, target: [{ type: 'schedule_reference', id: '${pagerduty_schedule.platform-primary.id}' }] },
          {
            escalation_delay_in_minutes: 30,
            target: (primary?.escalation ?? []).map((id) => ({ type: 'user_reference', id: `\${pagerduty_user.${id}.id}` })),
          },
        ],
      });
      // Every maintainer paged has a PagerDuty user, in a rotation or not.
      for (const id of primary?.escalation ?? []) expect(synthesized.resources('pagerduty_user')[id]).toBeDefined();
    } finally {
      copy.remove();
    }
  });
});
