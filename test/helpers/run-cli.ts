import { run } from '../../src/cli/main';

/** What a CLI run printed and returned. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with captured output, in `cwd`, as of a fixed date. */
export async function runCli(
  argv: readonly string[],
  options: { cwd?: string; asOf?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    out: (text) => (stdout += text),
    err: (text) => (stderr += text),
    cwd: options.cwd ?? process.cwd(),
    env: { ROLECALL_AS_OF: options.asOf ?? '2026-11-22', ...options.env },
    now: new Date('2026-11-22T12:00:00Z'),
  });
  return { code, stdout, stderr };
}
