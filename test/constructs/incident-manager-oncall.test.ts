import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';
import { SsmcontactsContact } from '@cdktf/provider-aws/lib/ssmcontacts-contact';
import { SsmcontactsContactChannel } from '@cdktf/provider-aws/lib/ssmcontacts-contact-channel';
import { SsmcontactsRotation } from '@cdktf/provider-aws/lib/ssmcontacts-rotation';
import { SsmincidentsReplicationSet } from '@cdktf/provider-aws/lib/ssmincidents-replication-set';
import {
  CHANNELS_TO_ACTIVATE_OUTPUT,
  ENGAGE_RETRY_MINUTES,
  IncidentManagerOncall,
} from '../../src/constructs/oncall/incident-manager-oncall';
import { IncidentManagerRotation, MAX_ROTATION_CONTACTS } from '../../src/constructs/oncall/incident-manager-rotation';
import type { AccessModel } from '../../src/model/types';
import { fixtureModel } from '../helpers/fixture-model';
import { incidentManagerOncall } from '../helpers/oncall-of';
import { synthScope } from '../helpers/synth-construct';

Testing.setupJest();

const model = fixtureModel();
const render = (from: AccessModel = model) =>
  synthScope((scope) => new IncidentManagerOncall(scope, 'oncall', { oncall: incidentManagerOncall(from) }));
const synthesized = render();
const contactRef = (personId: string) => `\${aws_ssmcontacts_contact.${personId}.arn}`;
const firstRotation = (() => {
  const rotation = model.oncall.rotations[0];
  if (!rotation) throw new Error('the fixture has no rotation');
  return rotation;
})();

describe('IncidentManagerOncall', () => {
  test('renders one replication set, a contact and a channel per contact, a rotation per rotation', () => {
    expect(synthesized.counts).toEqual({
      aws_ssmcontacts_contact: model.oncall.contacts.length,
      aws_ssmcontacts_contact_channel: model.oncall.contacts.length,
      aws_ssmcontacts_plan: model.oncall.contacts.length,
      aws_ssmcontacts_rotation: model.oncall.rotations.length,
      aws_ssmincidents_replication_set: 1,
    });
    expect(model.oncall.rotations).toHaveLength(3);
    expect(model.oncall.contacts).toHaveLength(5);
  });

  test("replicates to the model's regions", () => {
    expect(synthesized.text).toHaveResourceWithProperties(SsmincidentsReplicationSet, {
      region: [{ name: 'eu-west-1' }, { name: 'eu-central-1' }],
    });
  });

  test("never lets a plan destroy the replication set, which holds all of Incident Manager's data", () => {
    expect(synthesized.resources('aws_ssmincidents_replication_set').rolecall).toMatchObject({ lifecycle: { prevent_destroy: true } });
    expect(synthesized.json).not.toHaveProperty('removed');
  });

  test('forgets, never destroys, a replication set it created once the model names an existing one', () => {
    const existing = render(fixtureModel({ replicationSet: { existingArn: 'arn:aws:ssm-incidents::418273645190:replication-set/abc' } }));
    expect((existing.json as { removed?: unknown }).removed).toEqual([
      { from: 'aws_ssmincidents_replication_set.rolecall', lifecycle: { destroy: false } },
    ]);
  });

  test('creates no replication set when the model names an existing one', () => {
    const existing = render(fixtureModel({ replicationSet: { existingArn: 'arn:aws:ssm-incidents::418273645190:replication-set/abc' } }));
    expect(existing.resources('aws_ssmincidents_replication_set')).toEqual({});
    for (const rotation of Object.values(existing.resources('aws_ssmcontacts_rotation'))) expect(rotation).not.toHaveProperty('depends_on');
  });

  test('creates a PERSONAL contact aliased by person id and an EMAIL channel, after the replication set', () => {
    expect(synthesized.text).toHaveResourceWithProperties(SsmcontactsContact, {
      alias: 'li-wei',
      display_name: 'Li Wei',
      type: 'PERSONAL',
      depends_on: ['aws_ssmincidents_replication_set.rolecall'],
    });
    expect(synthesized.text).toHaveResourceWithProperties(SsmcontactsContactChannel, {
      contact_id: contactRef('li-wei'),
      type: 'EMAIL',
      delivery_address: { simple_address: 'li.wei@example.com' },
    });
    const aliases = Object.values(synthesized.resources('aws_ssmcontacts_contact')).map((contact) => contact.alias);
    expect(aliases).not.toContain('amara-okafor'); // opted out of on-call
    expect(aliases).not.toContain('olu-adeyemi'); // left
  });

  test("lists rotation contacts in the model's hand-off order with its weekly recurrence", () => {
    expect(synthesized.text).toHaveResourceWithProperties(SsmcontactsRotation, {
      name: 'Database on-call',
      time_zone_id: 'Europe/Berlin',
      contact_ids: ['jonas-lindqvist', 'hana-suzuki', 'li-wei'].map(contactRef),
      recurrence: [
        {
          number_of_on_calls: 1,
          recurrence_multiplier: 1,
          weekly_settings: [{ day_of_week: 'WED', hand_off_time: [{ hour_of_day: 10, minute_of_hour: 30 }] }],
        },
      ],
      depends_on: ['aws_ssmincidents_replication_set.rolecall'],
    });
    const rotations = synthesized.resources('aws_ssmcontacts_rotation');
    for (const rotation of model.oncall.rotations) {
      expect(rotations[rotation.id]?.contact_ids).toEqual((rotation.layer?.order ?? rotation.members).map(contactRef));
    }
    expect(rotations['platform-secondary']?.recurrence).toMatchObject([{ number_of_on_calls: 2 }]);
  });

  test("starts each rotation at its layer's start, in its layer's order, so a change of members keeps who is on call", () => {
    const layered = {
      ...incidentManagerOncall(model),
      rotations: model.oncall.rotations.map((rotation) => ({
        ...rotation,
        layer: { start: '2026-03-04T10:30:00+01:00', order: [...rotation.members].reverse() },
      })),
    };
    const rotations = synthScope((scope) => new IncidentManagerOncall(scope, 'oncall', { oncall: layered })).resources(
      'aws_ssmcontacts_rotation',
    );
    for (const rotation of layered.rotations) {
      expect(rotations[rotation.id]).toMatchObject({
        start_time: '2026-03-04T10:30:00+01:00',
        contact_ids: rotation.layer.order.map(contactRef),
      });
    }
  });

  test('gives every contact an engagement plan that pages its e-mail channel at once, then every few minutes', () => {
    const plans = synthesized.resources('aws_ssmcontacts_plan');
    expect(Object.keys(plans).sort()).toEqual(model.oncall.contacts.map((contact) => contact.personId).sort());
    expect(plans['li-wei']).toEqual({
      contact_id: contactRef('li-wei'),
      stage: [
        {
          duration_in_minutes: 0,
          target: [
            {
              channel_target_info: {
                contact_channel_id: '${aws_ssmcontacts_contact_channel.li-wei__email.arn}',
                retry_interval_in_minutes: ENGAGE_RETRY_MINUTES,
              },
            },
          ],
        },
      ],
      depends_on: ['aws_ssmincidents_replication_set.rolecall'],
    });
  });

  test('lists the channels to activate in an output and on the construct', () => {
    const output = synthesized.json.output?.[CHANNELS_TO_ACTIVATE_OUTPUT];
    expect(output?.value).toHaveLength(model.oncall.contacts.length);
    expect(output?.value).toContainEqual({
      person_id: 'hana-suzuki',
      type: 'EMAIL',
      address: 'hana.suzuki@example.com',
      channel_arn: '${aws_ssmcontacts_contact_channel.hana-suzuki__email.arn}',
    });
    let construct: IncidentManagerOncall | undefined;
    synthScope((scope) => {
      construct = new IncidentManagerOncall(scope, 'oncall', { oncall: incidentManagerOncall(model) });
    });
    expect(construct?.channelsToActivate.map((channel) => channel.personId)).toEqual(
      model.oncall.contacts.map((contact) => contact.personId),
    );
  });

  test('fails naming the rotation when it is handed more contacts than Incident Manager takes', () => {
    const rotation = { ...firstRotation, id: 'everyone' };
    const contactIds = Array.from(
      { length: MAX_ROTATION_CONTACTS + 1 },
      (_, index) => `arn:aws:ssm-contacts:eu-west-1:1:contact/p${index}`,
    );
    expect(() => synthScope((scope) => new IncidentManagerRotation(scope, 'r', { rotation, contactIds, timeZone: 'UTC' }))).toThrow(
      'rotation "everyone" has 31 contacts; Incident Manager takes 1 to 30',
    );
    expect(() =>
      synthScope(
        (scope) =>
          new IncidentManagerRotation(scope, 'r', { rotation, contactIds: contactIds.slice(0, MAX_ROTATION_CONTACTS), timeZone: 'UTC' }),
      ),
    ).not.toThrow();
  });

  test('fails naming the rotation when it is handed no contact', () => {
    const rotation = { ...firstRotation, id: 'nobody' };
    expect(() => synthScope((scope) => new IncidentManagerRotation(scope, 'r', { rotation, contactIds: [], timeZone: 'UTC' }))).toThrow(
      'rotation "nobody" has 0 contacts',
    );
  });
});
