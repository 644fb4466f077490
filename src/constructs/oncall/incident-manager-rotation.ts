import { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import { SsmcontactsRotation } from '@cdktf/provider-aws/lib/ssmcontacts-rotation';
import type { Rotation } from '../../model/types';
import { terraformLiteral as literal } from '../terraform-literal';
import { pinAddress } from '../terraform-name';
import { handoffAnchor, weeklyHandoff } from './weekly-handoff';

/**
 * Most contacts an Incident Manager rotation holds.
 * https://docs.aws.amazon.com/incident-manager/latest/OnCallAPIReference/API_CreateRotation.html
 */
export const MAX_ROTATION_CONTACTS = 30;

/** Props of {@link IncidentManagerRotation}. */
export interface IncidentManagerRotationProps {
  /** The rotation, as the model has it. */
  readonly rotation: Rotation;
  /** Contact ARNs of the rotation's members, in the order of the model's layer (`rotation.layer`). */
  readonly contactIds: readonly string[];
  /** IANA time zone of the hand-off. */
  readonly timeZone: string;
  /**
   * What must exist first (the replication set).
   * @default - nothing
   */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/**
 * An Incident Manager `aws_ssmcontacts_rotation`: contacts in the order of the model's layer (Incident
 * Manager's shift order), starting at the layer's start (the hand-off of the last change of members),
 * weekly hand-off on the model's day and time, `onCallAtOnce` contacts on call together. As with
 * PagerDuty, the start and order come from the model's replay of the rotation's history, so a member
 * joining or leaving moves neither the current nor the next shift, and the configuration does not move
 * with the date. Throws when it is handed no contact or more than {@link MAX_ROTATION_CONTACTS}: the
 * model reports both, so reaching here is a programming error.
 * https://docs.aws.amazon.com/incident-manager/latest/APIReference/API_SSMContacts_CreateRotation.html
 */
export class IncidentManagerRotation extends Construct {
  /** The rotation. */
  public readonly resource: SsmcontactsRotation;

  constructor(scope: Construct, id: string, props: IncidentManagerRotationProps) {
    super(scope, id);
    const { rotation, contactIds } = props;
    if (contactIds.length === 0 || contactIds.length > MAX_ROTATION_CONTACTS) {
      throw new Error(
        `rotation "${rotation.id}" has ${contactIds.length} contacts; Incident Manager takes 1 to ${MAX_ROTATION_CONTACTS} (the model should have reported this)`,
      );
    }
    const handoff = weeklyHandoff(rotation.handoff);
    this.resource = pinAddress(
      new SsmcontactsRotation(this, 'rotation', {
        name: literal(rotation.name),
        contactIds: [...contactIds],
        timeZoneId: props.timeZone,
        startTime: rotation.layer?.start ?? handoffAnchor(rotation.handoff, props.timeZone),
        recurrence: [
          {
            numberOfOnCalls: rotation.onCallAtOnce,
            recurrenceMultiplier: 1,
            weeklySettings: [{ dayOfWeek: handoff.dayOfWeek, handOffTime: [{ hourOfDay: handoff.hour, minuteOfHour: handoff.minute }] }],
          },
        ],
        ...(props.dependsOn && props.dependsOn.length > 0 ? { dependsOn: [...props.dependsOn] } : {}),
      }),
      rotation.id,
    );
  }
}
