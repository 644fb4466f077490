/** Position and context of a {@link JdParseError}. */
export interface JdParseErrorOptions {
  /** 1-based line in the job description file. */
  readonly line: number;
  /** 1-based column in the job description file. */
  readonly column: number;
  /** One concrete suggestion for fixing the document. @default no hint */
  readonly hint?: string;
  /** The library error this one wraps, kept so no detail is lost. @default no cause */
  readonly cause?: unknown;
}

/** A job description that cannot be read, with the place in the file where reading failed. */
export class JdParseError extends Error {
  /** 1-based line in the job description file. */
  readonly line: number;
  /** 1-based column in the job description file. */
  readonly column: number;
  /** One concrete suggestion for fixing the document, when there is one. */
  readonly hint?: string;

  constructor(message: string, options: JdParseErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'JdParseError';
    this.line = options.line;
    this.column = options.column;
    if (options.hint !== undefined) this.hint = options.hint;
  }
}
