/**
 * The resource classes the floor creates, one factory per Terraform type rolecall writes in mode
 * iam-groups with PagerDuty, each imported by deep path as rolecall imports them. Every attribute is a
 * literal: no references between resources, no escaping.
 */
import { IamGroup } from '@cdktf/provider-aws/lib/iam-group';
import { IamGroupPolicy } from '@cdktf/provider-aws/lib/iam-group-policy';
import { IamGroupPolicyAttachment } from '@cdktf/provider-aws/lib/iam-group-policy-attachment';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamUser } from '@cdktf/provider-aws/lib/iam-user';
import { IamUserGroupMembership } from '@cdktf/provider-aws/lib/iam-user-group-membership';
import { Membership } from '@cdktf/provider-github/lib/membership';
import { Team } from '@cdktf/provider-github/lib/team';
import { TeamMembers } from '@cdktf/provider-github/lib/team-members';
import { TeamMembership } from '@cdktf/provider-github/lib/team-membership';
import { TeamRepository } from '@cdktf/provider-github/lib/team-repository';
import { EscalationPolicy } from '@cdktf/provider-pagerduty/lib/escalation-policy';
import { Schedule } from '@cdktf/provider-pagerduty/lib/schedule';
import { User } from '@cdktf/provider-pagerduty/lib/user';
import type { Construct } from 'constructs';

/** The sizes a factory imitates: the longest string and the longest list of a resource, on average. */
export interface Sizes {
  readonly text: number;
  readonly items: number;
}

/** Creates the `index`-th resource of a type in `scope`. */
export type FloorResource = (scope: Construct, index: number, sizes: Sizes) => void;

/** The provider of a Terraform resource type: `aws_iam_user` → `aws`. */
export function providerOf(type: string): string {
  return type.slice(0, type.indexOf('_'));
}

const name = (kind: string, index: number): string => `${kind}-${String(index).padStart(5, '0')}`;
const person = (index: number): string => `person.number-${String(index).padStart(5, '0')}@floor.example`;
/** `value`, lengthened to `chars` characters when shorter, so literals are as long as rolecall's. */
const sized = (value: string, chars: number): string =>
  value.length >= chars ? value : `${value}-${'x'.repeat(chars - value.length - 1)}`;
const list = <T>(length: number, item: (k: number) => T): T[] => Array.from({ length: Math.max(1, length) }, (_, k) => item(k));

/** A policy document of about `chars` characters, made of distinct actions. */
function policy(chars: number, index: number): string {
  const actions: string[] = [];
  const document = (): string =>
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: `Floor${index}`, Effect: 'Allow', Action: actions, Resource: '*' }] });
  while (document().length < chars) actions.push(`service${actions.length % 40}:Action${String(actions.length).padStart(4, '0')}`);
  return document();
}

/** A text of `chars` characters. */
function text(chars: number, index: number): string {
  const base = `floor text ${index} `;
  return base.repeat(Math.ceil(Math.max(1, chars) / base.length)).slice(0, Math.max(1, chars));
}

/** Factories by Terraform resource type. */
export const FLOOR_RESOURCES: Readonly<Record<string, FloorResource>> = {
  aws_iam_group: (scope, index, sizes) => {
    new IamGroup(scope, name('group', index), { name: sized(name('role-group', index), sizes.text), path: '/floor/' });
  },
  aws_iam_group_policy: (scope, index, sizes) => {
    new IamGroupPolicy(scope, name('group-policy', index), {
      group: name('role-group', index),
      name: name('floor-policy', index),
      policy: policy(sizes.text, index),
    });
  },
  aws_iam_group_policy_attachment: (scope, index) => {
    new IamGroupPolicyAttachment(scope, name('attachment', index), {
      group: name('role-group', index),
      policyArn: 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess',
    });
  },
  aws_iam_policy: (scope, index, sizes) => {
    new IamPolicy(scope, name('policy', index), {
      name: name('floor-managed-policy', index),
      path: '/floor/',
      description: `Managed policy ${index}, made by the floor`,
      policy: policy(sizes.text, index),
    });
  },
  aws_iam_user: (scope, index, sizes) => {
    new IamUser(scope, name('user', index), {
      name: sized(person(index), sizes.text),
      path: '/floor/',
      forceDestroy: true,
      tags: { 'floor:person-id': name('person', index) },
    });
  },
  aws_iam_user_group_membership: (scope, index, sizes) => {
    new IamUserGroupMembership(scope, name('groups', index), {
      user: person(index),
      groups: list(sizes.items, (k) => sized(name('role-group', index + k), sizes.text)),
    });
  },
  github_membership: (scope, index, sizes) => {
    new Membership(scope, name('member', index), { username: sized(name('login', index), sizes.text), role: 'member' });
  },
  github_team: (scope, index, sizes) => {
    new Team(scope, name('team', index), {
      name: name('team', index),
      description: text(sizes.text, index),
      privacy: 'closed',
      parentTeamId: 'engineering',
      createDefaultMaintainer: false,
    });
  },
  github_team_members: (scope, index, sizes) => {
    new TeamMembers(scope, name('team-members', index), {
      teamId: sized(name('team', index), sizes.text),
      members: list(sizes.items, (k) => ({ username: name('login', index * 100 + k), role: 'member' })),
    });
  },
  github_team_membership: (scope, index, sizes) => {
    new TeamMembership(scope, name('team-membership', index), {
      teamId: sized('existing-team', sizes.text),
      username: name('login', index),
      role: 'member',
    });
  },
  github_team_repository: (scope, index, sizes) => {
    new TeamRepository(scope, name('team-repository', index), {
      teamId: sized(name('team', index % 300), sizes.text),
      repository: name('repository', index),
      permission: 'push',
    });
  },
  pagerduty_user: (scope, index, sizes) => {
    new User(scope, name('pd-user', index), { name: `Floor Person ${index}`, email: sized(person(index), sizes.text) });
  },
  pagerduty_schedule: (scope, index, sizes) => {
    new Schedule(scope, name('schedule', index), {
      name: name('rotation', index),
      description: `${name('rotation', index)}, made by the floor`,
      timeZone: 'Europe/Berlin',
      layer: [
        {
          name: 'Weekly',
          start: '2024-01-01T09:00:00+01:00',
          rotationVirtualStart: '2024-01-01T09:00:00+01:00',
          rotationTurnLengthSeconds: 604_800,
          users: list(sizes.items, (k) => sized(`PFLOOR${String(index * 100 + k).padStart(6, '0')}`, sizes.text)),
        },
      ],
    });
  },
  pagerduty_escalation_policy: (scope, index, sizes) => {
    new EscalationPolicy(scope, name('escalation', index), {
      name: name('rotation', index),
      description: `Pages ${name('rotation', index)}, made by the floor`,
      rule: [{ escalationDelayInMinutes: 30, target: [{ id: sized(`PSCHED${index}`, sizes.text), type: 'schedule_reference' }] }],
    });
  },
};
