import {
  isAlias,
  isMap,
  isPair,
  isSeq,
  parseDocument,
  type Document,
  type Node,
  type ParseOptions,
  type DocumentOptions,
  type SchemaOptions,
} from 'yaml';

/** Deepest nesting of YAML collections read; rolecall's files need fewer than ten levels. */
export const MAX_YAML_DEPTH = 64;

/**
 * Most alias expansions `toJS` performs before giving up, so that nine anchors of nine aliases each
 * (a "billion laughs") cannot grow to a billion nodes (https://eemeli.org/yaml/#tojs-options).
 */
export const MAX_YAML_ALIAS_COUNT = 100;

/** A YAML document beyond a limit: where (offset into the text) and what, for a problem line. */
export interface YamlLimitBreach {
  readonly offset: number;
  readonly message: string;
  readonly hint: string;
}

/** The outcome of {@link parseBoundedYaml}. */
export type BoundedYaml =
  | { readonly ok: true; readonly doc: Document.Parsed; readonly toJS: () => unknown }
  | { readonly ok: false; readonly doc?: Document.Parsed; readonly breach: YamlLimitBreach };

const DEPTH_HINT = 'flatten the structure: rolecall files need only a few levels';

/**
 * Parses YAML under depth and alias limits. The `yaml` package composes and converts recursively, so
 * nesting a few thousand levels deep overflows the stack: that overflow is caught and reported at the
 * first place the text nests too deep, and a document that parses is walked (without recursion) for
 * nesting beyond {@link MAX_YAML_DEPTH}. `toJS` reports an alias bomb as a breach at the first alias.
 */
export function parseBoundedYaml(text: string, options: ParseOptions & DocumentOptions & SchemaOptions): BoundedYaml {
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, options);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return {
      ok: false,
      breach: { offset: roughDeepOffset(text), message: `nested deeper than ${MAX_YAML_DEPTH} levels`, hint: DEPTH_HINT },
    };
  }
  const walked = walk(doc.contents);
  if (walked.deep !== undefined) {
    return { ok: false, doc, breach: { offset: walked.deep, message: `nested deeper than ${MAX_YAML_DEPTH} levels`, hint: DEPTH_HINT } };
  }
  const aliasAt = walked.firstAlias;
  const toJS = (): unknown => {
    try {
      return doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
    } catch (cause) {
      if (!(cause instanceof ReferenceError) || aliasAt === undefined) throw cause;
      throw new YamlAliasError(aliasAt, cause);
    }
  };
  return { ok: true, doc, toJS };
}

/** Thrown by a bounded document's `toJS` when its aliases expand beyond {@link MAX_YAML_ALIAS_COUNT}. */
export class YamlAliasError extends Error {
  readonly breach: YamlLimitBreach;
  constructor(offset: number, cause: unknown) {
    super(`aliases expand to more than ${MAX_YAML_ALIAS_COUNT} nodes`, { cause });
    this.breach = { offset, message: this.message, hint: 'write the values out instead of using anchors and aliases (&name, *name)' };
  }
}

/** The first node deeper than the limit and the first alias, by an explicit stack. */
function walk(root: unknown): { deep?: number; firstAlias?: number } {
  const stack: [unknown, number][] = [[root, 0]];
  let firstAlias: number | undefined;
  while (stack.length > 0) {
    const [node, depth] = stack.pop() ?? [undefined, 0];
    if (isAlias(node)) firstAlias = Math.min(firstAlias ?? Infinity, offsetOf(node));
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= MAX_YAML_DEPTH) return { deep: offsetOf(node) };
    for (const item of node.items) {
      if (isPair(item)) {
        stack.push([item.key, depth + 1], [item.value, depth + 1]);
      } else {
        stack.push([item, depth + 1]);
      }
    }
  }
  return firstAlias === undefined ? {} : { firstAlias };
}

function offsetOf(node: Node): number {
  return node.range?.[0] ?? 0;
}

/**
 * Where the text first nests deeper than the limit, judged from the text alone (used only when the
 * parser itself overflowed): the first bracket that opens past the limit, or the first line whose
 * indentation or run of "- " markers goes past it. Quotes are not tracked: this only places the problem.
 */
function roughDeepOffset(text: string): number {
  let flow = 0;
  let lineStart = true;
  for (let at = 0; at < text.length; at += 1) {
    const char = text.charAt(at);
    if (lineStart) {
      const prefix = /^[ \t]*(?:[-?:][ \t]+)*/.exec(text.slice(at, at + 4 * MAX_YAML_DEPTH + 8))?.[0] ?? '';
      const markers = prefix.replace(/[ \t]/g, '').length;
      if (markers > MAX_YAML_DEPTH || prefix.length > 2 * MAX_YAML_DEPTH) return at;
      lineStart = false;
    }
    if (char === '\n') lineStart = true;
    else if (char === '[' || char === '{') {
      flow += 1;
      if (flow > MAX_YAML_DEPTH) return at;
    } else if ((char === ']' || char === '}') && flow > 0) flow -= 1;
  }
  return 0;
}
