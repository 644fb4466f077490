/**
 * ARN patterns and ARN formats as small automata, so that two of them can be compared exactly:
 * - a policy resource such as `arn:aws:iam::123456789012:role/*`, where `*` is any run of characters
 *   (`:` and `/` included), `?` one character, and a policy variable such as `${aws:username}` some
 *   non-empty value;
 * - an ARN format of the Service Authorization Reference such as
 *   `arn:${Partition}:eks:${Region}:${Account}:cluster/${ClusterName}`, where each `${Variable}` is a
 *   non-empty name.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */

/** One step of a glob: a literal character, one character, or any run of characters. */
export type GlobToken =
  | { readonly kind: 'char'; readonly char: string }
  /** One character not in `except`. */
  | { readonly kind: 'one'; readonly except: string }
  /** Zero or more characters, none in `except`. */
  | { readonly kind: 'many'; readonly except: string };

/**
 * Variables of ARN formats that AWS's naming rules keep free of `/`, although they end the format:
 * without this `arn:aws:s3:::logs/*` (objects) would pass for a bucket. Other final variables may hold
 * paths (`${RoleNameWithPath}`, `${ObjectName}`, `${LogGroupName}`, `${SecretId}`, ECR repository
 * names…), so they match any run of characters.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 */
const NO_SLASH_VARIABLES: ReadonlySet<string> = new Set([
  'BucketName',
  'FunctionName',
  'InstanceId',
  'KeyId',
  'QueueName',
  'TableName',
  'TopicName',
]);

/**
 * A character no ARN holds. Names made of it stand for "any name" when rolecall asks whether a pattern
 * covers every resource of a type; a policy variable never matches it, since `${aws:username}` is the
 * caller's own name, not any name.
 */
export const ANY_NAME_CHAR = '\uE000';

/** `*`, `?` and `${…}` tokens of a policy resource; a policy variable is one or more characters. */
export function patternTokens(pattern: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i] as string;
    if (char === '$' && pattern[i + 1] === '{') {
      const end = pattern.indexOf('}', i + 2);
      if (end > 0) {
        tokens.push({ kind: 'one', except: ANY_NAME_CHAR }, { kind: 'many', except: ANY_NAME_CHAR });
        i = end;
        continue;
      }
    }
    if (char === '*') tokens.push({ kind: 'many', except: '' });
    else if (char === '?') tokens.push({ kind: 'one', except: '' });
    else tokens.push({ kind: 'char', char });
  }
  return tokens;
}

/**
 * Tokens of an ARN format. A variable is a non-empty name that does not contain the separator written
 * after it (`${BucketName}/${ObjectName}`: no `/` in a bucket name; `log-group:${LogGroupName}:log-stream`:
 * no `:` in a log group name). A variable in the partition, region or account part never holds `:`.
 */
export function formatTokens(format: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  const variable = /\$\{([^}]*)\}/g;
  let last = 0;
  let match: RegExpExecArray | null;
  while ((match = variable.exec(format)) !== null) {
    for (const char of format.slice(last, match.index)) tokens.push({ kind: 'char', char });
    last = match.index + match[0].length;
    const next = format[last];
    const inHeader = format.slice(0, match.index).split(':').length <= 5;
    const except =
      (inHeader ? ':' : '') +
      (next === '/' || next === ':' ? next : '') +
      (next === undefined && NO_SLASH_VARIABLES.has(match[1] as string) ? '/' : '');
    tokens.push({ kind: 'one', except }, { kind: 'many', except });
  }
  for (const char of format.slice(last)) tokens.push({ kind: 'char', char });
  return tokens;
}

/**
 * Walks the product of two globs' automata from (0, 0): `moves` pushes the pairs one pair leads to.
 * True when (lengthA, lengthB), both ends, is reached.
 */
function productReachesEnd(
  lengthA: number,
  lengthB: number,
  moves: (i: number, j: number, push: (i: number, j: number) => void) => void,
): boolean {
  const width = lengthB + 1;
  const seen = new Uint8Array((lengthA + 1) * width);
  const stack: number[] = [0];
  seen[0] = 1;
  const push = (i: number, j: number): void => {
    const key = i * width + j;
    if (seen[key] === 0) {
      seen[key] = 1;
      stack.push(key);
    }
  };
  while (stack.length > 0) {
    const key = stack.pop() as number;
    const i = Math.floor(key / width);
    const j = key % width;
    if (i === lengthA && j === lengthB) return true;
    moves(i, j, push);
  }
  return false;
}

/** True when some string is matched by both globs: the product of the two automata reaches its end. */
export function globsIntersect(a: readonly GlobToken[], b: readonly GlobToken[]): boolean {
  return productReachesEnd(a.length, b.length, (i, j, push) => {
    const x = a[i];
    const y = b[j];
    if (x?.kind === 'many') push(i + 1, j);
    if (y?.kind === 'many') push(i, j + 1);
    if (x === undefined || y === undefined || !sameChar(x, y)) return;
    // Both consume one character; a `many` stays where it is.
    push(x.kind === 'many' ? i : i + 1, y.kind === 'many' ? j : j + 1);
  });
}

/** True when the glob matches the plain text exactly. */
export function globMatches(glob: readonly GlobToken[], text: string): boolean {
  return globsIntersect(
    glob,
    [...text].map((char): GlobToken => ({ kind: 'char', char })),
  );
}

/** True when one character can satisfy both tokens (the alphabet is unbounded, so two classes always can). */
function sameChar(x: GlobToken, y: GlobToken): boolean {
  if (x.kind === 'char' && y.kind === 'char') return x.char === y.char;
  if (x.kind === 'char') return !(y as { except: string }).except.includes(x.char);
  if (y.kind === 'char') return !x.except.includes(y.char);
  return true;
}

/**
 * True when every string `inner` matches is matched by `outer` too (`arn:aws:s3:::logs/*` covers
 * `arn:aws:s3:::logs/app/*`). Sound, not complete: true is always right; a cover that needs reasoning
 * about the alphabet (`?*` against `*?`) may answer false, which callers read as "not covered".
 */
export function globCovers(outer: readonly GlobToken[], inner: readonly GlobToken[]): boolean {
  return productReachesEnd(outer.length, inner.length, (i, j, push) => {
    const x = outer[i];
    const y = inner[j];
    if (x?.kind === 'many') {
      push(i + 1, j);
      // A run of `outer` takes whatever one step of `inner` can be, a whole run of it included.
      if (y !== undefined && stepWithin(y, x)) push(i, j + 1);
    } else if (x !== undefined && y !== undefined && y.kind !== 'many' && stepWithin(y, x)) push(i + 1, j + 1);
  });
}

/** True when every character token `inner` can stand for is one `outer` accepts. */
function stepWithin(inner: GlobToken, outer: GlobToken): boolean {
  if (outer.kind === 'char') return inner.kind === 'char' && inner.char === outer.char;
  if (inner.kind === 'char') return !outer.except.includes(inner.char);
  return [...outer.except].every((char) => inner.except.includes(char));
}
