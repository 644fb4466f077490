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
 * `file:line:col: message` and synthesizes nothing.
 * Returns the exit code.
 */
export function main(env: NodeJS.ProcessEnv = process.env, stderr: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): number {
  const rolesDir = env.ROLECALL_ROLES ?? 'roles';
  const { asOf, error } = defaultAsOf(env);
  if (asOf === undefined) {
    stderr(`rolecall: ${error}`);
    return 2;
  }
  const loaded = loadModel(rolesDir, asOf);
  for (const problem of loaded.problems) stderr(formatProblem(problem));
  if (hasErrors(loaded.problems) || !loaded.model) {
    stderr(`rolecall: nothing synthesized: fix the problems above in ${rolesDir}/`);
    return 1;
  }
  const app = rolecallApp(env.CDKTF_OUTDIR);
  const org = loaded.bundle.org?.value;
  const stacks = addRolecallStacks(app, loaded.model, { state: org?.state ?? DEFAULT_STATE, ...(org?.stacks ? { stacks: org.stacks } : {}) });
  app.synth();
  for (const channel of stacks.oncall.channelsToActivate) {
    stderr(
      `rolecall: oncall: ${channel.personId} must activate the ${channel.type} contact channel ${channel.address} after apply (AWS mails them a code; until then Incident Manager cannot page them)`,
    );
  }
  return 0;
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
