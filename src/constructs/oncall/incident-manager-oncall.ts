import { Construct } from 'constructs';
import { TerraformOutput, TerraformStack, type ITerraformDependable } from 'cdktf';
import { SsmcontactsContact } from '@cdktf/provider-aws/lib/ssmcontacts-contact';
import { SsmcontactsContactChannel } from '@cdktf/provider-aws/lib/ssmcontacts-contact-channel';
import { SsmcontactsPlan } from '@cdktf/provider-aws/lib/ssmcontacts-plan';
import { SsmincidentsReplicationSet } from '@cdktf/provider-aws/lib/ssmincidents-replication-set';
import type { IncidentManagerOncallState } from '../../model/types';
import { terraformLiteral as literal } from '../terraform-literal';
import { pinAddress, referenceTo } from '../terraform-name';
import { IncidentManagerRotation } from './incident-manager-rotation';

/** Terraform name of the replication set rolecall creates. */
const REPLICATION_SET = 'rolecall';

/** Minutes between two engagements of an unacknowledged contact channel. */
export const ENGAGE_RETRY_MINUTES = 5;

/** Name of the Terraform output listing the contact channels people must activate. */
export const CHANNELS_TO_ACTIVATE_OUTPUT = 'contact_channels_to_activate';

/** A contact channel its owner must activate before Incident Manager will page them on it. */
export interface ChannelToActivate {
  /** Whose channel it is. */
  readonly personId: string;
  /** The channel type, as Incident Manager names it. */
  readonly type: 'EMAIL';
  /** Where the activation code goes: the person's e-mail address. */
  readonly address: string;
}

/** Props of {@link IncidentManagerOncall}. */
export interface IncidentManagerOncallProps {
  /** The model's on-call state (backend `aws-incident-manager`). */
  readonly oncall: IncidentManagerOncallState;
}

/**
 * On-call in AWS Systems Manager Incident Manager: the replication set when the model asks for one by
 * regions (with `prevent_destroy`; forgotten, never destroyed, once the model names an existing one
 * instead), a PERSONAL contact per person in a rotation with an EMAIL channel and an engagement plan
 * that pages it, and an {@link IncidentManagerRotation} per rotation. Every contacts resource waits for the replication set,
 * without which Incident Manager accepts none.
 *
 * A new channel pages nobody until its owner enters the code AWS mails them, so the channels are listed
 * in {@link channelsToActivate} and in the `contact_channels_to_activate` output.
 * https://docs.aws.amazon.com/incident-manager/latest/userguide/contacts.html#contacts-details
 */
export class IncidentManagerOncall extends Construct {
  /** Channels their owners must activate after apply, one per contact, in the model's order. */
  public readonly channelsToActivate: readonly ChannelToActivate[];

  constructor(scope: Construct, id: string, props: IncidentManagerOncallProps) {
    super(scope, id);
    const { oncall } = props;

    const dependsOn: ITerraformDependable[] = [];
    const replication = oncall.replicationSet;
    if (replication && 'regions' in replication) {
      dependsOn.push(
        pinAddress(
          new SsmincidentsReplicationSet(this, 'replication-set', {
            region: replication.regions.map((name) => ({ name })),
            // Deleting the replication set deletes every contact, rotation, response plan and incident
            // record of Incident Manager in the account, rolecall's or not: no plan may do it by accident.
            // To stop managing it, remove it from the state, not from AWS.
            // https://docs.aws.amazon.com/incident-manager/latest/userguide/replication.html
            lifecycle: { preventDestroy: true },
          }),
          REPLICATION_SET,
        ),
      );
    } else {
      // prevent_destroy guards the replication set only while its block is in the configuration: once
      // the model names an existing one instead, a plan would destroy the one rolecall created. A
      // `removed` block makes Terraform forget it instead (and is a no-op when there is none).
      // https://developer.hashicorp.com/terraform/language/resources/syntax#removing-resources
      TerraformStack.of(this).addOverride('removed', [
        { from: `aws_ssmincidents_replication_set.${REPLICATION_SET}`, lifecycle: { destroy: false } },
      ]);
    }
    const after = dependsOn.length > 0 ? { dependsOn } : {};

    const contacts = new Map<string, SsmcontactsContact>();
    const channels: { channel: ChannelToActivate; resource: SsmcontactsContactChannel }[] = [];
    for (const person of oncall.contacts) {
      const contact = pinAddress(
        new SsmcontactsContact(this, `contact-${person.personId}`, {
          alias: literal(person.personId),
          displayName: literal(person.name),
          type: 'PERSONAL',
          ...after,
        }),
        person.personId,
      );
      contacts.set(person.personId, contact);
      const resource = pinAddress(
        new SsmcontactsContactChannel(this, `channel-${person.personId}`, {
          contactId: referenceTo(contact, 'arn'),
          name: 'email',
          type: 'EMAIL',
          deliveryAddress: { simpleAddress: literal(person.email) },
          ...after,
        }),
        person.personId,
        'email',
      );
      channels.push({ channel: { personId: person.personId, type: 'EMAIL', address: person.email }, resource });
      // The engagement plan: how Incident Manager reaches the person when a rotation or escalation pages
      // them. Without one a contact is engaged on nothing. It pages the e-mail channel at once and
      // again every ENGAGE_RETRY_MINUTES until they acknowledge.
      pinAddress(
        new SsmcontactsPlan(this, `plan-${person.personId}`, {
          contactId: referenceTo(contact, 'arn'),
          stage: [
            {
              durationInMinutes: 0,
              target: [
                { channelTargetInfo: { contactChannelId: referenceTo(resource, 'arn'), retryIntervalInMinutes: ENGAGE_RETRY_MINUTES } },
              ],
            },
          ],
          ...after,
        }),
        person.personId,
      );
    }
    this.channelsToActivate = channels.map(({ channel }) => channel);

    for (const rotation of oncall.rotations) {
      const contactIds = (rotation.layer?.order ?? rotation.members).map((personId) => {
        const contact = contacts.get(personId);
        if (!contact) throw new Error(`rotation "${rotation.id}" lists ${personId}, who is not among the model's contacts`);
        return referenceTo(contact, 'arn');
      });
      new IncidentManagerRotation(this, `rotation-${rotation.id}`, {
        rotation,
        contactIds,
        timeZone: oncall.timeZone,
        dependsOn,
      });
    }

    pinAddress(
      new TerraformOutput(this, 'channels-to-activate', {
        description: 'Contact channels that page nobody until their owner enters the activation code AWS sends them',
        value: channels.map(({ channel, resource }) => ({
          person_id: channel.personId,
          type: channel.type,
          address: literal(channel.address),
          channel_arn: referenceTo(resource, 'arn'),
        })),
      }),
      CHANNELS_TO_ACTIVATE_OUTPUT,
    );
  }
}
