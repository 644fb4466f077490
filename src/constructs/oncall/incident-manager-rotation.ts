import { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import { SsmcontactsRotation } from '@cdktf/provider-aws/lib/ssmcontacts-rotation';
import type { Rotation } from '../../model/types';
import { terraformLiteral as literal } from '../terraform-literal';
import { pinAddress } from '../terraform-name';
import { weeklyHandoff } from './weekly-handoff';

/**
 * Most contacts an Incident Manager rotation holds.
 * https://docs.aws.amazon.com/incident-manager/latest/OnCallAPIReference/API_CreateRotation.html
 */
export const MAX_ROTATION_CONTACTS = 30;

/** Props of {@link IncidentManagerRotation}. */
export interface IncidentManagerRotationProps {
  /** The rotation, as the model has it. */
  readonly rotation: Rotation;
  /** Contact ARNs of the rotation's members, in the model's hand-off order. */
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
 * An Incident Manager `aws_ssmcontacts_rotation`: contacts in the model's order, weekly hand-off on the
 * model's day and time, `onCallAtOnce` contacts on call together. Throws when it is handed no contact or
 * more than {@link MAX_ROTATION_CONTACTS}: the model reports both, so reaching here is a programming error.
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
        recurrence: [
          {
            numberOfOnCalls: rotation.onCallAtOnce,
            recurrenceMultiplier: 1,
            weeklySettings: [
              { dayOfWeek: handoff.dayOfWeek, handOffTime: [{ hourOfDay: handoff.hour, minuteOfHour: handoff.minute }] },
            ],
          },
        ],
        ...(props.dependsOn && props.dependsOn.length > 0 ? { dependsOn: [...props.dependsOn] } : {}),
      }),
      rotation.id,
    );
  }
}
