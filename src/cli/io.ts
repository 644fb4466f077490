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
  constructor(
    message: string,
    readonly usage?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A file the user named could not be read or written: printed with the path and the reason, exit 1. */
export class IoError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`cannot write ${path}: ${reason}`, options);
    this.name = 'IoError';
  }
}

/** Runs a write to `shown` (the path as the user gave it), turning a failure into an {@link IoError}. */
export function writing<T>(shown: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
    throw new IoError(shown, code ? (IO_REASONS[code] ?? code) : String(error), { cause: error });
  }
}

const IO_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such directory',
  ENOTDIR: 'a parent is not a directory',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EEXIST: 'a file is in the way',
};
