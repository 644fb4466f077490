import { TerraformStack } from 'cdktf';
import { formatProblem, hasErrors } from '../src/load/problem';
import { defaultAsOf, loadModel } from '../src/pipeline/load-model';
import { escapeUnsafe } from '../src/util/safe-text';
import { addRolecallStacks, rolecallApp } from './rolecall-stacks';
import type { StateConfig } from './state-backend';

/** State where org.yaml names none: the schema's default. */
const DEFAULT_STATE: StateConfig = { backend: 'local', directory: 'terraform-state' };

/**
 * The cdktf app: reads `roles/` (or ROLECALL_ROLES), builds the model as of today (UTC) or
 * ROLECALL_AS_OF, and synthesizes one stack per domain. On any error it prints every problem as
 * `file:line:col: message` on stderr and synthesizes nothing. Everything else (progress, warnings of a
 * model that synthesizes, reminders of what to do after apply) goes to stdout: the cdktf CLI labels
 * every line an app writes to stderr `[ERROR]`.
 * Returns the exit code.
 */
export function main(
  env: NodeJS.ProcessEnv = process.env,
  stderr: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  stdout: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): number {
  const rolesDir = env.ROLECALL_ROLES ?? 'roles';
  const { asOf, error } = defaultAsOf(env);
  if (asOf === undefined) {
    stderr(`rolecall: ${error}`);
    return 2;
  }
  const started = Date.now();
  const loaded = loadModel(rolesDir, asOf);
  if (hasErrors(loaded.problems) || !loaded.model) {
    for (const problem of loaded.problems) stderr(formatProblem(problem));
    stderr(`rolecall: nothing synthesized: fix the problems above in ${rolesDir}/`);
    return 1;
  }
  for (const problem of loaded.problems) stdout(formatProblem(problem));
  const { model } = loaded;
  stdout(
    `rolecall: ${rolesDir}/ as of ${asOf}: ${model.people.length} people, ${model.roles.length} roles, built in ${seconds(started)}; synthesizing`,
  );
  const app = rolecallApp(env.CDKTF_OUTDIR);
  const org = loaded.bundle.org?.value;
  const stacks = addRolecallStacks(app, model, { state: org?.state ?? DEFAULT_STATE, ...(org?.stacks ? { stacks: org.stacks } : {}) });
  app.synth();
  stdout(
    `rolecall: synthesized ${app.node.children.filter((child) => TerraformStack.isStack(child)).length} stacks in ${seconds(started)}`,
  );
  for (const channel of stacks.oncall.channelsToActivate) {
    stdout(
      `rolecall: oncall: ${channel.personId} must activate the ${channel.type} contact channel ${channel.address} after apply (AWS mails them a code; until then Incident Manager cannot page them)`,
    );
  }
  return 0;
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

if (require.main === module) {
  let code: number;
  try {
    code = main();
  } catch (error) {
    // Mistakes in the YAML come back from main() as problems; an exception is a bug in rolecall. Its
    // stack names files of the build machine, so it is shown only on request.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`rolecall: internal error: ${escapeUnsafe(message)} (please report it; ROLECALL_DEBUG=1 shows the stack)\n`);
    if (process.env.ROLECALL_DEBUG === '1' && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    code = 2;
  }
  process.exit(code);
}
