/** Where each value of a JSON document starts, by JSON pointer (`/@graph/0/description`). */
export type JsonOffsets = ReadonlyMap<string, number>;

/** Deepest nesting of JSON arrays and objects read; a JobPosting needs four or five levels. */
export const MAX_JSON_DEPTH = 64;

/**
 * The outcome of {@link scanJson}: value offsets, or the offset of the first syntax error. `tooDeep`
 * marks an array or object opened past {@link MAX_JSON_DEPTH}: the scan stops there, in bounded time and stack.
 */
export type JsonScan =
  | { readonly ok: true; readonly offsets: JsonOffsets }
  | { readonly ok: false; readonly offset: number; readonly expected: string; readonly tooDeep?: true };

class JsonSyntaxError {
  constructor(
    readonly offset: number,
    readonly expected: string,
    readonly tooDeep = false,
  ) {}
}

function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Scans a JSON document without building it, recording where every value starts. `JSON.parse` gives the
 * values but not their positions, and in V8 not always the position of a syntax error either.
 * (https://www.rfc-editor.org/rfc/rfc8259)
 */
export function scanJson(text: string): JsonScan {
  const offsets = new Map<string, number>();
  let at = 0;

  const skipSpace = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text.charAt(at))) at += 1;
  };
  const fail = (expected: string): never => {
    throw new JsonSyntaxError(at, expected);
  };
  const expect = (char: string, expected: string): void => {
    if (text.charAt(at) !== char) fail(expected);
    at += 1;
  };
  const scanString = (): string => {
    const start = at;
    expect('"', 'a string');
    while (at < text.length && text.charAt(at) !== '"') {
      const char = text.charAt(at);
      if (char < ' ') fail("a closing '\"' before the end of the line");
      if (char === '\\') {
        at += 1;
        if (text.charAt(at) === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) fail('four hex digits after "\\u"');
          at += 4;
        } else if (at >= text.length || !'"\\/bfnrt'.includes(text.charAt(at))) {
          fail('a valid escape after "\\"');
        }
      }
      at += 1;
    }
    expect('"', "a closing '\"'");
    return JSON.parse(text.slice(start, at)) as string;
  };
  const scanLiteral = (): void => {
    const match = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(at, at + 400));
    if (match === null) fail('a value (object, array, string, number, true, false or null)');
    at += match?.[0].length ?? 0;
  };
  const scanValue = (pointer: string, depth: number): void => {
    skipSpace();
    offsets.set(pointer, at);
    const char = text.charAt(at);
    if ((char === '{' || char === '[') && depth >= MAX_JSON_DEPTH) {
      throw new JsonSyntaxError(at, `at most ${MAX_JSON_DEPTH} levels of arrays and objects`, true);
    }
    if (char === '{') {
      at += 1;
      skipSpace();
      if (text.charAt(at) === '}') {
        at += 1;
        return;
      }
      for (;;) {
        skipSpace();
        if (text.charAt(at) !== '"') fail('a property name in double quotes');
        const key = scanString();
        skipSpace();
        expect(':', "':' after a property name");
        scanValue(`${pointer}/${pointerToken(key)}`, depth + 1);
        skipSpace();
        if (text.charAt(at) === '}') {
          at += 1;
          return;
        }
        expect(',', "',' or '}' after a property value");
      }
    } else if (char === '[') {
      at += 1;
      skipSpace();
      if (text.charAt(at) === ']') {
        at += 1;
        return;
      }
      for (let index = 0; ; index += 1) {
        scanValue(`${pointer}/${index}`, depth + 1);
        skipSpace();
        if (text.charAt(at) === ']') {
          at += 1;
          return;
        }
        expect(',', "',' or ']' after an array element");
      }
    } else if (char === '"') {
      scanString();
    } else {
      scanLiteral();
    }
  };

  try {
    scanValue('', 0);
    skipSpace();
    if (at < text.length) fail('the end of the document after the top-level value');
    return { ok: true, offsets };
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      return error.tooDeep
        ? { ok: false, offset: error.offset, expected: error.expected, tooDeep: true }
        : { ok: false, offset: error.offset, expected: error.expected };
    }
    throw error;
  }
}
