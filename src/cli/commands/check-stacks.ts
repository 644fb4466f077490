import type { Command } from '../command';

const usage = `usage: rolecall check-stacks [--dir DIR] [--plan]

Runs terraform init and terraform validate in every stack cdktf synthesized into DIR/stacks
(default DIR: ./cdktf.out). With --plan, an offline terraform plan instead of validate (a plan
validates the configuration first, with the same diagnostics) and prints the planned
resources: no refresh, fake credentials taken to be those of the account each AWS provider is
pinned to, and STS answered by a local stand-in, so the account pins and assumed roles are planned
as they will be deployed. A stack that reads data sources (an Identity Center people shard looks
its groups up) is validated, not planned: a plan reads them from AWS. When a filesystem mirror of
hashicorp/aws is found (ROLECALL_TF_PLUGIN_MIRROR, or a usual location), providers come from it
only, and stacks whose providers it lacks are reported as skipped. Never writes to your Terraform
CLI configuration.

options:
  --dir DIR    the cdktf output directory (default: ./cdktf.out)
  --plan       also plan each stack offline
  -h, --help   this help

exit: 0 every stack validated (or skipped, said so), 1 a stack failed, 2 usage error`;

/** `rolecall check-stacks`: real Terraform over the synthesized stacks. */
export const checkStacksCommand: Command = {
  name: ['check-stacks'],
  summary: 'terraform init + validate (and --plan) every synthesized stack',
  usage,
  options: { dir: { type: 'string' }, plan: { type: 'boolean' } },
  load: () => (require('./check-stacks-run') as typeof import('./check-stacks-run')).runCheckStacks,
};
