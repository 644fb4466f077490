import type { Command } from '../command';

const usage = `usage: rolecall adopt --synth-dir DIR [--roles DIR] [--as-of YYYY-MM-DD] [--write]
                     [--aws-authorization-details FILE]... [--identity-center FILE]
                     [--github-export DIR] [--pagerduty-users FILE]

For an organisation that already has users, teams and memberships: reads the stacks \`cdktf synth\`
wrote into DIR (default cdktf.out) and the exports of what exists, and writes Terraform \`import\`
blocks for every resource a stack declares that exists already (IAM users, groups, policies,
attachments and group memberships; GitHub memberships, teams, team members and team repositories;
PagerDuty users; identity-store users and groups), so the first apply adopts them instead of failing
on names that are taken. Then it lists the people who exist but are not in people.yaml, with the
roles their groups and teams suggest: a starting point for people.yaml.

Without --write it prints what it would write. With --write each stack with imports gets
DIR/stacks/<stack>/rolecall-adopt.tf.json; apply those stacks with plain Terraform in that directory
(\`terraform init && terraform plan\`, then apply), before cdktf synthesizes again, and delete the
files once the imports are applied. The exports are the same as for \`rolecall audit\` (README, Auditing).

options:
  --synth-dir DIR        the synthesized app (default: cdktf.out)
  --write                write the import files (default: print them)
  --roles DIR            the roles directory (default: ./roles)
  --as-of YYYY-MM-DD     date the model is built for (default: today, or ROLECALL_AS_OF)
  -h, --help             this help

exit: 0 done, 1 invalid roles, exports or synthesized stacks, 2 usage error`;

/** \`rolecall adopt\`: import blocks for what exists already, and who is not in people.yaml. */
export const adoptCommand: Command = {
  name: ['adopt'],
  summary: 'write Terraform import blocks for existing users, teams and memberships; list who is not in the roles',
  usage,
  options: {
    'as-of': { type: 'string' },
    'synth-dir': { type: 'string' },
    write: { type: 'boolean' },
    'aws-authorization-details': { type: 'string', multiple: true },
    'identity-center': { type: 'string' },
    'github-export': { type: 'string' },
    'pagerduty-users': { type: 'string' },
  },
  load: () => (require('./adopt-run') as typeof import('./adopt-run')).runAdopt,
};
