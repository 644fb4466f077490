import type { Command } from '../command';

const usage = `usage: rolecall audit [--roles DIR] [--as-of YYYY-MM-DD] [--format md|json|csv] [--fail-on low|medium|high]
                     [--state FILE]... [--aws-authorization-details FILE]... [--identity-center FILE]
                     [--github-export DIR] [--last-accessed FILE]... [--pagerduty-users FILE] [--out FILE]

Holds every grant against a JD duty, and what is really granted against what the roles say. Findings
come from one rule pack (one rule per file, each finding with an id such as
Drift-UnmanagedUser[111111111111:ci-deployer], a severity, a subject and evidence):

  coverage  each JD duty mapped to a capability or marked noAccess; unmapped duties that match a
            capability (likely missing grants); grants no duty of the JD mentions; quotes the JD no
            longer contains (the audit still runs: what is deployed still holds that access)
  risk      who holds high-risk access; more high-risk capabilities than audit.maxHighRiskPerPerson;
            separationOfDuties of capabilities.yaml held by one person; acceptances past or near expiry
  drift     (with exports) unmanaged IAM / Identity Center users, groups and policies; policies and
            assignments the roles do not grant; changed policy documents; group and team members and
            GitHub members the roles do not explain; repository access above the roles; missing grants;
            leavers who still have access anywhere
  unused    (with --last-accessed) services a role grants that nobody used for audit.unusedDays

org.yaml audit.suppressions accepts findings by id or rule, each with a reason (and an expiry);
suppressed findings are still listed, with the reason, and do not fail --fail-on.

sources (each optional; the README gives the commands that make them):
  --state FILE                      Terraform state, or \`terraform show -json\` of it (one per stack)
  --aws-authorization-details FILE  \`aws iam get-account-authorization-details\` (one per account)
  --identity-center FILE            Identity Center users, groups, memberships, permission sets and
                                    account assignments, in the shape the README documents
  --github-export DIR               members.json, admins.json, teams.json, team-members/<slug>.json,
                                    team-maintainers/<slug>.json, team-repos/<slug>.json (GitHub REST)
  --last-accessed FILE              IAM service last-accessed details by group ARN
  --pagerduty-users FILE            PagerDuty GET /users

options:
  --format md|json|csv   md: a report an auditor files (default); json: the same, for tools; csv: the
                         user-access review, one row per person and grant with its justification chain
                         and empty decision, reviewer and date columns
  --fail-on LEVEL        exit 1 when an unsuppressed finding is at or above LEVEL (low, medium, high)
  --out FILE             write the report to FILE (atomically) instead of stdout
  --roles DIR            the roles directory (default: ./roles)
  --as-of YYYY-MM-DD     the audit date (default: today, or ROLECALL_AS_OF)
  -h, --help             this help

exit: 0 audited, 1 invalid roles or sources, or a finding at --fail-on or above, 2 usage error`;

/** `rolecall audit`: coverage, risk, drift and unused-access findings, and the user-access review. */
export const auditCommand: Command = {
  name: ['audit'],
  summary: 'audit duties against access and access against exports: findings and the access review',
  usage,
  options: {
    'as-of': { type: 'string' },
    format: { type: 'string' },
    'fail-on': { type: 'string' },
    out: { type: 'string' },
    state: { type: 'string', multiple: true },
    'aws-authorization-details': { type: 'string', multiple: true },
    'identity-center': { type: 'string' },
    'github-export': { type: 'string' },
    'last-accessed': { type: 'string', multiple: true },
    'pagerduty-users': { type: 'string' },
  },
  load: () => (require('./audit-run') as typeof import('./audit-run')).runAudit,
};
