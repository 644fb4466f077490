import { Construct } from 'constructs';
import { EscalationPolicy } from '@cdktf/provider-pagerduty/lib/escalation-policy';
import { Schedule } from '@cdktf/provider-pagerduty/lib/schedule';
import type { Rotation } from '../../model/types';
import { terraformLiteral as literal } from '../terraform-literal';
import { pinAddress, referenceTo } from '../terraform-name';
import { handoffAnchor } from './weekly-handoff';

/** Seconds in a week: the turn length of a weekly layer. */
export const WEEK_SECONDS = 604_800;

/** Props of {@link PagerdutyRotation}. */
export interface PagerdutyRotationProps {
  /** The rotation, as the model has it. */
  readonly rotation: Rotation;
  /** PagerDuty user ids of the rotation's members, in the order of the model's layer (`rotation.layer`). */
  readonly userIds: readonly string[];
  /** IANA time zone of the schedule. */
  readonly timeZone: string;
  /**
   * Minutes before an unacknowledged incident goes to the next level of the policy.
   * @default 30
   */
  readonly escalationDelayMinutes?: number;
  /** PagerDuty user ids of the second level: who is paged when nobody on call answers. */
  readonly escalationUserIds?: readonly string[];
  /**
   * How many more times the policy goes round all its levels before it stops.
   * @default 2
   */
  readonly numLoops?: number;
}

/**
 * A rotation in PagerDuty: a `pagerduty_schedule` and a `pagerduty_escalation_policy` that pages it,
 * then, when nobody on call acknowledges, the second level (the staffing roles' maintainers), and goes
 * round both `numLoops` more times.
 * The schedule has one weekly layer per person on call at once (one for the usual `onCallAtOnce: 1`);
 * layer k lists the members in the order of the model's layer starting k places down, so each week the
 * next `onCallAtOnce` members in that order are on call together. Every layer starts, and counts its
 * turns, from the layer's start: the hand-off of the last change of members, so that the plan does not
 * move with the date and a member joining or leaving moves neither the current nor the next shift.
 * Throws when handed no user: PagerDuty rejects a layer without users, and the model reports it.
 */
export class PagerdutyRotation extends Construct {
  /** The schedule. */
  public readonly schedule: Schedule;
  /** The escalation policy targeting the schedule. */
  public readonly escalationPolicy: EscalationPolicy;

  constructor(scope: Construct, id: string, props: PagerdutyRotationProps) {
    super(scope, id);
    const { rotation, userIds } = props;
    if (userIds.length === 0) throw new Error(`rotation "${rotation.id}" has no members; a PagerDuty layer needs at least one`);
    const start = rotation.layer?.start ?? handoffAnchor(rotation.handoff, props.timeZone);
    const layers = Array.from({ length: Math.max(1, rotation.onCallAtOnce) }, (_, k) => ({
      name: rotation.onCallAtOnce > 1 ? `Weekly ${k + 1}` : 'Weekly',
      start,
      rotationVirtualStart: start,
      rotationTurnLengthSeconds: WEEK_SECONDS,
      users: [...userIds.slice(k % userIds.length), ...userIds.slice(0, k % userIds.length)],
    }));
    this.schedule = pinAddress(
      new Schedule(this, 'schedule', {
        name: literal(rotation.name),
        description: literal(`${rotation.id}, managed by rolecall`),
        timeZone: props.timeZone,
        layer: layers,
      }),
      rotation.id,
    );
    this.escalationPolicy = pinAddress(
      new EscalationPolicy(this, 'escalation-policy', {
        name: literal(rotation.name),
        description: literal(`Pages ${rotation.id}, managed by rolecall`),
        numLoops: props.numLoops ?? 2,
        rule: [
          {
            escalationDelayInMinutes: props.escalationDelayMinutes ?? 30,
            target: [{ type: 'schedule_reference', id: referenceTo(this.schedule, 'id') }],
          },
          ...(props.escalationUserIds?.length
            ? [
                {
                  escalationDelayInMinutes: props.escalationDelayMinutes ?? 30,
                  target: props.escalationUserIds.map((id) => ({ type: 'user_reference', id })),
                },
              ]
            : []),
        ],
      }),
      rotation.id,
    );
  }
}
