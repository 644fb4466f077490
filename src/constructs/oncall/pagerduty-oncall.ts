import { Construct } from 'constructs';
import { User } from '@cdktf/provider-pagerduty/lib/user';
import type { PagerdutyOncallState } from '../../model/types';
import { terraformLiteral as literal } from '../terraform-literal';
import { pinAddress, referenceTo } from '../terraform-name';
import { PagerdutyRotation } from './pagerduty-rotation';

/** Props of {@link PagerdutyOncall}. */
export interface PagerdutyOncallProps {
  /** The model's on-call state (backend `pagerduty`). */
  readonly oncall: PagerdutyOncallState;
  /**
   * Minutes before an unacknowledged incident goes round a rotation's escalation policy again.
   * @default 30
   */
  readonly escalationDelayMinutes?: number;
}

/** On-call in PagerDuty: a `pagerduty_user` per person in a rotation and a {@link PagerdutyRotation} per rotation. */
export class PagerdutyOncall extends Construct {
  /** Rotations by id. */
  public readonly rotations: ReadonlyMap<string, PagerdutyRotation>;

  constructor(scope: Construct, id: string, props: PagerdutyOncallProps) {
    super(scope, id);
    const { oncall } = props;
    const users = new Map<string, User>();
    for (const person of oncall.contacts) {
      users.set(
        person.personId,
        pinAddress(
          new User(this, `user-${person.personId}`, { name: literal(person.name), email: literal(person.email) }),
          person.personId,
        ),
      );
    }
    const rotations = new Map<string, PagerdutyRotation>();
    for (const rotation of oncall.rotations) {
      const userIds = (rotation.layer?.order ?? rotation.members).map((personId) => {
        const user = users.get(personId);
        if (!user) throw new Error(`rotation "${rotation.id}" lists ${personId}, who is not among the model's contacts`);
        return referenceTo(user, 'id');
      });
      const escalationUserIds = (rotation.escalation ?? []).flatMap((personId) => {
        const user = users.get(personId);
        return user ? [referenceTo(user, 'id')] : [];
      });
      rotations.set(
        rotation.id,
        new PagerdutyRotation(this, `rotation-${rotation.id}`, {
          rotation,
          userIds,
          escalationUserIds,
          timeZone: oncall.timeZone,
          ...(props.escalationDelayMinutes !== undefined ? { escalationDelayMinutes: props.escalationDelayMinutes } : {}),
        }),
      );
    }
    this.rotations = rotations;
  }
}
