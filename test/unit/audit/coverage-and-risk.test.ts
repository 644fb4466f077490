import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditOf } from '../../helpers/audit-run';
import { copyRoles, EXAMPLE_ROLES } from '../../helpers/roles-dir';

const file = (name: string): string => readFileSync(join(EXAMPLE_ROLES, name), 'utf8');

describe('coverage findings', () => {
  it('finds every JD duty of the example org mapped or marked as needing no access', () => {
    const result = auditOf();
    expect(result.findings.filter((finding) => finding.category === 'coverage')).toEqual([]);
    expect(result.coverage.map((role) => [role.role, role.unmapped])).toEqual([
      ['cloud-engineer', 0],
      ['platform-engineer', 0],
      ['site-reliability-engineer', 0],
      ['software-engineer', 0],
    ]);
    // The purpose summary; the challenges are context, not duties, so they need no entry.
    expect(result.coverage.find((role) => role.role === 'cloud-engineer')?.noAccess).toBe(1);
  });

  it('reports a quote the edited JD no longer holds as a broken justification, and still audits', () => {
    const roles = copyRoles(EXAMPLE_ROLES);
    roles.edit(
      'jd/software-engineer.md',
      'Write tests that make refactoring boring and releases uneventful',
      'Write property tests for the tracking parser',
    );
    const result = auditOf([], roles.dir);
    roles.remove();
    const broken = result.findings.filter((finding) => finding.rule === 'Coverage-BrokenJustification');
    expect(broken.map((finding) => [finding.severity, finding.subject])).toEqual([['high', 'role:software-engineer']]);
    expect(broken[0]?.message).toContain('app-repos-contribute');
    // The edited line is a duty nobody maps now; its words ("tests") match a capability the role holds.
    expect(result.findings.filter((finding) => finding.rule === 'Coverage-UnmappedDuty').map((finding) => finding.subject)).toEqual([
      'role:software-engineer',
    ]);
  });

  it('reports a new duty whose words match a capability the role lacks as a likely missing grant', () => {
    const roles = copyRoles(EXAMPLE_ROLES);
    roles.edit(
      'jd/software-engineer.md',
      '- Write tests that make',
      '- Restore the MongoDB replica sets of your services from backups during drills\n- Write tests that make',
    );
    const result = auditOf([], roles.dir);
    roles.remove();
    const likely = result.findings.filter((finding) => finding.rule === 'Coverage-LikelyMissingGrant');
    expect(likely).toHaveLength(1);
    expect(likely[0]?.severity).toBe('medium');
    expect(likely[0]?.message).toContain('mongodb-clusters-operate');
  });

  it('reports a capability granted by a quote although no duty of the JD mentions it', () => {
    const role = file('software-engineer.yaml').replace(
      'capabilities: [oncall-secondary]',
      'capabilities: [oncall-secondary, security-audit]',
    );
    const result = auditOf([], EXAMPLE_ROLES, new Map([['software-engineer.yaml', role]]));
    expect(result.findings.filter((finding) => finding.rule === 'Coverage-WeakJustification').map((finding) => finding.id)).toEqual([
      'Coverage-WeakJustification[software-engineer:security-audit]',
    ]);
  });
});

describe('risk findings', () => {
  it('lists separation-of-duties holders as suppressed, with the reason org.yaml gives', () => {
    const separated = auditOf().findings.filter((finding) => finding.rule === 'Risk-SeparationOfDuties');
    expect(separated.length).toBeGreaterThan(0);
    expect(separated.every((finding) => finding.severity === 'high' && finding.suppressed?.reason.includes('second engineer'))).toBe(true);
  });

  it('counts a suppression again, and says so, once it has expired', () => {
    const org = file('org.yaml').replace("expires: '2027-06-30'", "expires: '2026-11-01'");
    const result = auditOf([], EXAMPLE_ROLES, new Map([['org.yaml', org]]));
    expect(result.findings.filter((finding) => finding.rule === 'Risk-SeparationOfDuties').every((finding) => !finding.suppressed)).toBe(
      true,
    );
    expect(result.findings.map((finding) => finding.id)).toContain('Audit-Suppression[expired:Risk-SeparationOfDuties]');
  });

  it('reports people over audit.maxHighRiskPerPerson', () => {
    const org = file('org.yaml').replace('maxHighRiskPerPerson: 4', 'maxHighRiskPerPerson: 2');
    const over = auditOf([], EXAMPLE_ROLES, new Map([['org.yaml', org]])).findings.filter(
      (finding) => finding.rule === 'Risk-HighRiskLimit',
    );
    expect(over.map((finding) => finding.subject)).toEqual(['amara-okafor', 'jonas-lindqvist', 'mateo-alvarez', 'noor-siddiqui']);
  });

  it('reports an acceptance running out within audit.acceptanceWarningDays', () => {
    const capabilities = file('capabilities.yaml').replace(
      'roles: [cloud-engineer, platform-engineer]\n',
      "roles: [cloud-engineer, platform-engineer]\n        expires: '2026-12-01'\n",
    );
    const result = auditOf([], EXAMPLE_ROLES, new Map([['capabilities.yaml', capabilities]]));
    expect(
      result.findings.filter((finding) => finding.rule === 'Risk-AcceptanceExpiry').map((finding) => [finding.severity, finding.message]),
    ).toEqual([['medium', expect.stringContaining('runs out on 2026-12-01, in 9 days')]]);
  });
});
