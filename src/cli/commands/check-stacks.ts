import { resolve } from 'node:path';
import { checkStacks } from '../../terraform/check-stacks';
import { parseCommandArgs, stringOption } from '../args';
import type { Command } from '../command';
import { EXIT, UsageError } from '../io';

const usage = `usage: rolecall check-stacks [--dir DIR] [--plan]

Runs terraform init and terraform validate in every stack cdktf synthesized into DIR/stacks
(default DIR: ./cdktf.out). With --plan, also an offline terraform plan and prints the planned
resources: no refresh, fake credentials taken to be those of the account each AWS provider is
pinned to, and STS answered by a local stand-in, so the account pins and assumed roles are planned
as they will be deployed. When a filesystem mirror of hashicorp/aws is found (ROLECALL_TF_PLUGIN_MIRROR,
or a usual location), providers come from it only, and stacks whose providers it lacks are
reported as skipped. Never writes to your Terraform CLI configuration.

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
  async run(argv, io) {
    const parsed = parseCommandArgs(argv, { dir: { type: 'string' }, plan: { type: 'boolean' } }, usage);
    if (parsed.values.help) return (io.out(`${usage}\n`), EXIT.ok);
    if (parsed.positionals.length) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`, usage);
    const results = await checkStacks(resolve(io.cwd, stringOption(parsed.values.dir, 'cdktf.out')), { plan: parsed.values.plan === true, env: io.env });
    for (const result of results) {
      const line = `${result.stack}: ${result.status}: ${result.detail}\n`;
      (result.status === 'failed' ? io.err : io.out)(result.status === 'skipped' ? `${result.stack}: SKIPPED: ${result.detail}\n` : line);
    }
    return results.some((result) => result.status === 'failed') ? EXIT.invalid : EXIT.ok;
  },
};
