import type { Command } from '../command';

const usage = `usage: rolecall plan-summary FILE... [--format md|json] [--max-chars N]

Reduces Terraform plans to the access they change, so a reviewer sees what Terraform will really do
next to what the roles say. Each FILE is the output of \`terraform show -json PLANFILE\` for one stack
(plan with \`terraform plan -out=PLANFILE\` first). Lists every IAM user, group, membership, policy
(statement by statement), permission set and account assignment, GitHub membership, team, team
member and repository permission, and on-call user, schedule and escalation policy that will be
created, changed, replaced or destroyed; other resources are counted.

options:
  --format md|json       md: a pull-request comment within GitHub's 65,536 characters (default);
                         json: the same content for bots, complete
  --max-chars N          md: the most characters to write (default 65536, a comment; up to 1048576,
                         a job summary); what does not fit is counted at the end
  -h, --help             this help

exit: 0 summarised, 1 a FILE that cannot be read or is not a plan, 2 usage error`;

/** \`rolecall plan-summary FILE...\`: what Terraform plans will do to access. */
export const planSummaryCommand: Command = {
  name: ['plan-summary'],
  summary: 'reduce `terraform show -json` plans to the access they change',
  usage,
  options: { format: { type: 'string' }, 'max-chars': { type: 'string' } },
  load: () => (require('./plan-summary-run') as typeof import('./plan-summary-run')).runPlanSummary,
};
