import type { AccessDiff, AwsChanges } from '../../src/review';

/**
 * A hand-made diff with `text` in every field that can hold text from the roles directory (names,
 * quotes, reasons, JD passages, ARNs, conditions, e-mail addresses), and `id` in every id field, for
 * rendering tests. `people` copies of the person make it as long as needed.
 */
export function sampleDiff(text: string, options: { readonly id?: string; readonly people?: number } = {}): AccessDiff {
  const id = options.id ?? 'cap-x';
  const aws: AwsChanges = {
    gained: [
      {
        account: 'prod',
        accountId: '111111111111',
        effect: 'Allow',
        service: 's3',
        level: 'read',
        actions: ['s3:GetObject', `s3:${text}`],
        resources: [`arn:aws:s3:::${text}/*`],
        conditions: JSON.stringify({ StringEquals: { 'aws:ResourceTag/team': text } }),
        risk: 'high',
        capabilities: [id],
      },
    ],
    lost: [
      {
        account: 'staging',
        accountId: '222222222222',
        effect: 'Deny',
        service: '*',
        level: 'all',
        actions: ['*'],
        resources: [text],
        risk: 'low',
        capabilities: [id],
      },
    ],
    policiesGained: [
      { account: 'prod', accountId: '111111111111', arn: `arn:aws:iam::aws:policy/${text}`, risk: 'high', capabilities: [id] },
    ],
    policiesLost: [],
  };
  const github = {
    repositories: [{ name: text, from: 'pull' as const, to: 'admin' as const, risk: 'high' as const }],
    teams: [{ name: text, to: 'maintainer' as const }],
  };
  const anchor = { file: `roles/jd/${text}.md`, line: 3, section: text, text };
  const person = (index: number): AccessDiff['people'][number] => ({
    id: `${id}-${index}`,
    name: text,
    previousName: text,
    change: 'changed',
    status: { name: 'status', from: 'not-started', to: 'active' },
    login: { name: 'login', from: text, to: 'someone' },
    email: { name: 'email', from: `${text}@example.com`, to: 'x@example.com' },
    roles: { added: [id], removed: [] },
    capabilities: { added: [id], removed: [] },
    aws,
    github: { ...github, org: { name: 'org', from: 'member', to: 'admin' } },
    // Each person differs, so that no two are rendered as one group.
    oncall: { joined: [id, `rotation-${index}`], left: [] },
  });
  return {
    asOf: '2026-11-22',
    risks: [
      { level: 'high', kind: 'access-gained', capability: id, roles: [id], people: [`${id}-0`], accepted: false },
      { level: 'high', kind: 'acceptance-widened', capability: id, roles: [id], people: [] },
      { level: 'high', kind: 'owner-added', roles: [], people: [`${id}-0`] },
    ],
    people: Array.from({ length: options.people ?? 1 }, (_, index) => person(index)),
    roles: [
      {
        id,
        change: 'renamed',
        from: `${id}-old`,
        team: { name: 'team', from: text, to: id },
        capabilities: { added: [id], removed: [`${id}-gone`] },
        aws,
        github,
        oncall: { joined: [id], left: [] },
        members: [`${id}-0`],
      },
    ],
    capabilities: [
      {
        id,
        change: 'changed',
        risk: { name: 'risk', from: 'low', to: 'high' },
        acceptance: {
          to: { by: [id], on: '2026-01-01', roles: [id], expires: '2027-01-01', reason: text, at: { file: `roles/${text}.yaml`, line: 4 } },
        },
        aws,
        github,
        oncall: { joined: [], left: [id] },
        roles: [id],
        people: [`${id}-0`],
      },
    ],
    rotations: [
      {
        id,
        change: 'changed',
        joined: [`${id}-0`],
        left: [],
        order: { from: [id, `${id}-0`], to: [`${id}-0`, id] },
        schedule: { name: 'schedule', from: text, to: 'monday 09:00, 1 on call at once' },
      },
    ],
    justifications: {
      duties: [{ role: id, change: 'added', quote: text, at: { file: `roles/${text}.yaml`, line: 7 }, capabilities: [id] }],
      anchors: [{ role: id, quote: text, from: anchor, to: { ...anchor, line: 9 } }],
      rejustified: [{ role: id, before: [{ kind: 'duty', text }], after: [{ kind: 'baseline', text }], access: [`aws prod ${text}`] }],
    },
    settings: [{ name: 'aws.mode', from: text, to: 'identity-center' }],
  };
}
