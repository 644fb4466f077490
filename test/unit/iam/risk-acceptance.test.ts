import { loadActionCatalog } from '../../../src/pipeline/action-catalog';
import { checkRiskAcceptance, computeRisk, describeReason, type ComputedRisk } from '../../../src/model/iam';

const catalog = loadActionCatalog();
const high = computeRisk({ statements: [{ effect: 'Allow', actions: ['iam:PassRole', 'ec2:RunInstances'], resources: ['*'] }] }, catalog);
const medium = computeRisk({ statements: [{ effect: 'Allow', actions: ['ec2:TerminateInstances'], resources: ['*'] }] }, catalog);
const low: ComputedRisk = { level: 'low', reasons: [] };
const accepted = {
  level: 'high',
  accepted: {
    by: ['amara-okafor'],
    on: '2026-02-09',
    roles: ['platform-engineer'],
    reason: 'platform team deploys EC2 workers, reviewed by security',
  },
} as const;
const admin = computeRisk({ managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] }, catalog);

describe('checkRiskAcceptance', () => {
  it('fails when computed risk is high and not accepted, naming the actions that made it high', () => {
    const [finding, ...rest] = checkRiskAcceptance('high', high);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'risk-not-accepted', severity: 'error' });
    expect(finding?.message).toMatch(/^computed risk is high and not accepted: privilege-escalation: /);
    expect(finding?.message).toContain('ec2:RunInstances, iam:PassRole on "*"');
    expect(finding?.message).toContain('(CreateEC2WithExistingInstanceProfile)');
    expect(finding?.hint).toContain('accepted: { by: [person-id], on: YYYY-MM-DD, roles: [role-id], reason: "…" }');
  });

  it('fails when computed risk is high and declared low, with two errors', () => {
    expect(checkRiskAcceptance('low', high).map((finding) => [finding.code, finding.severity])).toEqual([
      ['risk-not-accepted', 'error'],
      ['risk-understated', 'error'],
    ]);
  });

  it('accepts a computed high risk that is accepted', () => {
    expect(checkRiskAcceptance(accepted, high)).toEqual([]);
  });

  it.each([
    [
      'an accepted CreateEC2WithExistingInstanceProfile path',
      'medium',
      high,
      /^declared risk "medium" is lower than the computed "high": privilege-escalation: ec2:RunInstances, iam:PassRole/,
    ],
    ['an accepted AdministratorAccess', 'low', admin, /^declared risk "low" is lower than the computed "high": .*AdministratorAccess/],
  ] as const)('fails when %s is declared %j: an acceptance does not lower a computed high', (_what, level, computed, message) => {
    expect(checkRiskAcceptance({ ...accepted, level }, computed)).toEqual([
      expect.objectContaining({
        code: 'risk-understated',
        severity: 'error',
        message: expect.stringMatching(message),
        hint: expect.stringContaining('declare level high'),
      }),
    ]);
  });

  it('accepts an acceptance on a capability whose computed risk is not high', () => {
    expect(checkRiskAcceptance(accepted, medium)).toEqual([]);
    expect(checkRiskAcceptance({ ...accepted, level: 'medium' }, low)).toEqual([]);
  });

  it('warns when the declared level is below a computed medium', () => {
    const findings = checkRiskAcceptance('low', medium);
    expect(findings).toEqual([expect.objectContaining({ code: 'risk-understated', severity: 'warning' })]);
    expect(findings[0]?.message).toContain('destructive: ec2:TerminateInstances on "*"');
  });

  it.each([
    ['low', low],
    ['medium', medium],
    ['high', medium],
    ['medium', low],
  ] as const)('accepts declared %j for the computed risk', (declared, computed) => {
    expect(checkRiskAcceptance(declared, computed)).toEqual([]);
  });

  it('shortens long action and resource lists in messages', () => {
    const text = describeReason({
      category: 'destructive',
      level: 'medium',
      actions: ['a:A', 'a:B', 'a:C', 'a:D', 'a:E', 'a:F'],
      resources: ['r1', 'r2', 'r3', 'r4'],
      why: 'x',
    });
    expect(text).toBe('destructive: a:A, a:B, a:C, a:D and 2 more on "r1", "r2", "r3" and 1 more (x)');
  });
});
