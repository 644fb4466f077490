/** Where a command writes; tests pass buffers, the entry file passes the process streams. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Working directory that relative paths are resolved against. */
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Today, for the default `--as-of`. */
  readonly now: Date;
}

/** Exit codes: 0 fine, 1 invalid input or findings, 2 usage error. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** A mistake in how a command was called: printed with the command's usage, exit 2. */
export class UsageError extends Error {
  constructor(message: string, readonly usage?: string) {
    super(message);
    this.name = 'UsageError';
  }
}
