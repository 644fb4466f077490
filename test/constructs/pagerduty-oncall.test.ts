import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';
import { EscalationPolicy } from '@cdktf/provider-pagerduty/lib/escalation-policy';
import { Schedule } from '@cdktf/provider-pagerduty/lib/schedule';
import { User } from '@cdktf/provider-pagerduty/lib/user';
import { PagerdutyOncall } from '../../src/constructs/oncall/pagerduty-oncall';
import { fixtureModel } from '../helpers/fixture-model';
import { pagerdutyOncall } from '../helpers/oncall-of';
import { synthScope } from '../helpers/synth-construct';

Testing.setupJest();

const model = fixtureModel({ oncallBackend: 'pagerduty' });
const synthesized = synthScope((scope) => new PagerdutyOncall(scope, 'pagerduty', { oncall: pagerdutyOncall(model) }));
const userRef = (personId: string) => `\${pagerduty_user.${personId}.id}`;

describe('PagerdutyOncall', () => {
  test('renders a user per contact and a schedule and escalation policy per rotation, nothing in AWS', () => {
    expect(synthesized.counts).toEqual({
      pagerduty_escalation_policy: model.oncall.rotations.length,
      pagerduty_schedule: model.oncall.rotations.length,
      pagerduty_user: model.oncall.contacts.length,
    });
    expect(synthesized.text).toHaveResourceWithProperties(User, { name: 'Hana Suzuki', email: 'hana.suzuki@example.com' });
  });

  test('gives a rotation one weekly layer with its members in order, starting at the hand-off', () => {
    expect(synthesized.text).toHaveResourceWithProperties(Schedule, {
      name: 'Database on-call',
      time_zone: 'Europe/Berlin',
      layer: [
        {
          name: 'Weekly',
          start: '2024-01-03T10:30:00+01:00',
          rotation_virtual_start: '2024-01-03T10:30:00+01:00',
          rotation_turn_length_seconds: 604800,
          users: ['jonas-lindqvist', 'hana-suzuki', 'li-wei'].map(userRef),
        },
      ],
    });
    expect(synthesized.resources('pagerduty_schedule')['platform-primary']?.layer).toMatchObject([{ start: '2024-01-01T09:00:00+01:00' }]);
  });

  test('gives a rotation with two people on call two layers, one place apart', () => {
    const layers = synthesized.resources('pagerduty_schedule')['platform-secondary']?.layer;
    expect(layers).toMatchObject([
      { name: 'Weekly 1', users: ['priya-raman', 'li-wei'].map(userRef) },
      { name: 'Weekly 2', users: ['li-wei', 'priya-raman'].map(userRef) },
    ]);
  });

  test("pages each rotation's schedule from its escalation policy", () => {
    expect(synthesized.text).toHaveResourceWithProperties(EscalationPolicy, {
      name: 'Platform primary',
      rule: [
        { escalation_delay_in_minutes: 30, target: [{ type: 'schedule_reference', id: '${pagerduty_schedule.platform-primary.id}' }] },
      ],
    });
  });
});
