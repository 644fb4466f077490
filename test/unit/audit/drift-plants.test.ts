import { auditOf, exampleExports } from '../../helpers/audit-run';

// Every drift planted in test/fixtures/audit/example-org (exports of the example org as it would be
// deployed, generated from the model, then edited by hand), and nothing else.
const PLANTED = [
  'Drift-ChangedPolicy[418273645190:policy/rolecall-software-engineer-1]',
  'Drift-ExtraPolicy[418273645190:group/platform-engineer:arn:aws:iam::aws:policy/AdministratorAccess]',
  'Drift-ExtraPolicy[507318264920:user/fatima.haddad@northwindlabs.example:inline debug-s3]',
  'Drift-ExtraRepositoryPermission[github:software-engineer:carrier-portal]',
  'Drift-LeaverAccess[tomasz-wrobel:github:northwind-labs]',
  'Drift-LeaverAccess[tomasz-wrobel:iam:418273645190]',
  'Drift-MissingGrant[507318264920:user/hana.suzuki@northwindlabs.example:site-reliability-engineer]',
  'Drift-MissingGrant[github:team:site-reliability-engineer:hsuzuki-nw]',
  'Drift-UnexplainedGithubMember[northwind-labs:contractor-x]',
  'Drift-UnexplainedGithubMember[northwind-labs:priya-raman-dev:admin]',
  'Drift-UnexplainedMember[418273645190:group/cloud-engineer:chidi.eze@northwindlabs.example]',
  'Drift-UnexplainedMember[github:platform:contractor-x]',
  'Drift-UnmanagedGroup[418273645190:legacy-admins]',
  'Drift-UnmanagedPolicy[418273645190:rolecall-break-glass]',
  'Drift-UnmanagedTeam[github:book-club]',
  'Drift-UnmanagedUser[418273645190:ci-deployer]',
  'Unused-Service[platform-engineer:prod:codebuild]',
  'Unused-Service[platform-engineer:prod:ecr]',
];

describe('audit of the example org against planted exports', () => {
  const result = auditOf(exampleExports());
  const drift = result.findings.filter(
    (finding) => finding.category === 'drift' || finding.category === 'unused' || finding.category === 'audit',
  );

  it('finds every plant and nothing else', () => {
    expect(drift.map((finding) => finding.id).sort()).toEqual([...PLANTED].sort());
  });

  it('names the unmanaged user and the policy attached to it, and the extra policy on a rolecall group', () => {
    const user = drift.find((finding) => finding.id === 'Drift-UnmanagedUser[418273645190:ci-deployer]');
    expect(user?.evidence.join('\n')).toContain('arn:aws:iam::aws:policy/AdministratorAccess');
    expect(user?.evidence[0]).toMatch(/^exports\/authorization-details-prod\.json:\d+: user \/ci-deployer/);
    const extra = drift.find((finding) => finding.rule === 'Drift-ExtraPolicy' && finding.subject === 'aws:prod:group/platform-engineer');
    expect(extra?.severity).toBe('high');
  });

  it('names the extra team member with the line of the export that shows them', () => {
    const member = drift.find((finding) => finding.id === 'Drift-UnexplainedMember[github:platform:contractor-x]');
    expect(member?.severity).toBe('high');
    expect(member?.evidence[0]).toMatch(/^exports\/github\/team-members\/platform\.json:\d+: contractor-x in platform$/);
  });

  it('rates leavers high and unused services low', () => {
    expect(drift.filter((finding) => finding.rule === 'Drift-LeaverAccess').map((finding) => finding.severity)).toEqual(['high', 'high']);
    expect(drift.filter((finding) => finding.rule === 'Unused-Service').map((finding) => finding.severity)).toEqual(['low', 'low']);
  });

  it('gives the same findings whatever the order the exports are read in', () => {
    const reversed = auditOf([...exampleExports()].reverse());
    expect(reversed.findings).toEqual(result.findings);
  });

  it('runs no drift rule, and reports no drift, without exports', () => {
    const plain = auditOf([]);
    expect(plain.findings.filter((finding) => finding.category === 'drift')).toEqual([]);
    expect(plain.rules.filter((rule) => rule.category === 'drift').every((rule) => !rule.ran)).toBe(true);
  });
});
