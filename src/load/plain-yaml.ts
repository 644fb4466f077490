import { MAX_YAML_ALIAS_COUNT } from '../jd/yaml-limits';

/**
 * A fast reader for the plain block YAML that rolecall's files are made of (mappings, lists, one-line
 * scalars and one-line lists of plain words), with the position of every key and value.
 *
 * The `yaml` package is the authority: it builds a full syntax tree and costs about 0.7 µs per byte,
 * over a second for the people.yaml of a 10,000-person organisation. This reader accepts only a subset
 * whose meaning is unambiguous, and declines (returns undefined) on anything else: anchors and aliases
 * of anything but a one-line value, tags, block and multi-line scalars, flow mappings, escapes, numbers, booleans, nulls, duplicate keys,
 * tabs, control characters, a byte-order mark, carriage returns, document markers, odd indentation.
 * A declined file is read by the `yaml` package as before, so every error message still comes from it.
 * A property test holds the data and every position this reader gives against the `yaml` package's.
 */

/** Where each value and key of a plain document was written: offsets into the text. */
export interface PlainNode {
  /** Offset of the node: a mapping's first key, a list's first `-` or `[`, a scalar's first character. */
  readonly at: number;
  /** A mapping's entries by key, in document order. */
  readonly entries?: ReadonlyMap<string, { readonly keyAt: number; readonly value: PlainNode }>;
  /** A list's items. */
  readonly items?: readonly PlainNode[];
}

/** A document the reader accepted: its data, the position tree, and the offset of each line's start. */
export interface PlainYaml {
  readonly data: Record<string, unknown>;
  readonly root: PlainNode;
  readonly lineStarts: readonly number[];
}

/** Characters that send a file to the full parser wherever they appear. */
const DECLINED_CHARS = /[\x00-\x09\x0B-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]|\p{Cs}/u;
/** A key: a plain word, `:` allowed inside (IAM condition keys), never at the end. */
const KEY = /([A-Za-z_](?:[A-Za-z0-9_./-]|:(?=[A-Za-z0-9_./-]))*):(?=[ \n]|$)/y;
/** Plain scalars the YAML 1.2 core schema reads as null, a boolean or a number (yaml/dist/schema/core). */
const NOT_A_STRING =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)?$/;
/** An anchor or alias name after its `&` or `*`, followed by a space or the end of the line. */
const ANCHOR = /([A-Za-z0-9_-]+)(?=[ \n]|$)/y;
/** First characters of a value this reader leaves to the full parser: indicators, and `-?:` to keep it simple. */
const INDICATOR_START = /[-?:,\]{}#&*!|>%@`]/;

type Frame =
  | {
      readonly kind: 'map';
      readonly indent: number;
      readonly data: Record<string, unknown>;
      readonly entries: Map<string, { keyAt: number; value: PlainNode }>;
    }
  | { readonly kind: 'seq'; readonly indent: number; readonly data: unknown[]; readonly items: PlainNode[] };

class Declined extends Error {}

/** Reads `text` when it is plain block YAML with a mapping at its root; undefined when it is anything else. */
export function parsePlainYaml(text: string): PlainYaml | undefined {
  if (DECLINED_CHARS.test(text)) return undefined;
  try {
    return new Reader(text).read();
  } catch (error) {
    if (error instanceof Declined) return undefined;
    throw error;
  }
}

class Reader {
  private readonly stack: Frame[] = [];
  private readonly lineStarts: number[] = [];
  /** A `key:` whose value is the block on the next lines. */
  private pending: { readonly map: Frame & { kind: 'map' }; readonly key: string; readonly keyAt: number } | undefined;
  private root: PlainNode | undefined;
  /** Anchored values and how often an alias repeats each. */
  private readonly anchors = new Map<string, { readonly data: unknown; aliases: number }>();

  constructor(private readonly text: string) {}

  read(): PlainYaml {
    const { text } = this;
    for (let start = 0; start <= text.length;) {
      const newline = text.indexOf('\n', start);
      const end = newline === -1 ? text.length : newline;
      this.lineStarts.push(start);
      this.line(start, end);
      if (newline === -1) break;
      start = newline + 1;
    }
    const first = this.stack[0];
    if (this.pending || first?.kind !== 'map' || !this.root) throw new Declined();
    // The `yaml` package refuses a value repeated by more than MAX_YAML_ALIAS_COUNT aliases (an alias bomb): it says so.
    for (const { data, aliases } of this.anchors.values()) {
      if (aliases > MAX_YAML_ALIAS_COUNT && !(Array.isArray(data) && data.length === 0)) throw new Declined();
    }
    return { data: first.data, root: this.root, lineStarts: this.lineStarts };
  }

  private line(start: number, end: number): void {
    const { text } = this;
    let at = start;
    while (at < end && text.charCodeAt(at) === 32) at += 1;
    if (at === end || text.charCodeAt(at) === 35 /* # */) return;
    const indent = at - start;
    if (this.pending) {
      this.openPendingBlock(indent, at);
    } else if (this.stack.length === 0) {
      if (indent !== 0) throw new Declined();
      this.root = this.openMap(0, at);
    } else {
      this.closeDeeperThan(indent, text.charCodeAt(at) === 45 /* - */);
    }
    this.entry(indent, at, end);
  }

  /** The first line of the block under `key:`: a list (same indent or deeper) or a mapping (deeper). */
  private openPendingBlock(indent: number, at: number): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    const isItem = this.text.charCodeAt(at) === 45;
    let node: PlainNode;
    if (isItem && indent >= pending.map.indent) node = this.openSeq(indent, at);
    else if (!isItem && indent > pending.map.indent) node = this.openMap(indent, at);
    else throw new Declined();
    const top = this.stack[this.stack.length - 1];
    pending.map.data[pending.key] = top?.data;
    pending.map.entries.set(pending.key, { keyAt: pending.keyAt, value: node });
  }

  /** Leaves the collections the line is not part of; the line must then sit at the open one's indent. */
  private closeDeeperThan(indent: number, isItem: boolean): void {
    const { stack } = this;
    for (;;) {
      const top = stack[stack.length - 1];
      if (!top) throw new Declined();
      // A list written at its key's indent ends at the next key of that mapping.
      const listEndsAtKey = top.kind === 'seq' && top.indent === indent && !isItem && stack[stack.length - 2]?.indent === indent;
      if (top.indent > indent || listEndsAtKey) stack.pop();
      else break;
    }
    if (stack[stack.length - 1]?.indent !== indent) throw new Declined();
  }

  /** One line's content at `at`, inside the open collection. */
  private entry(indent: number, at: number, end: number): void {
    const top = this.stack[this.stack.length - 1];
    if (!top || top.indent !== indent) throw new Declined();
    if (top.kind === 'map') return this.keyLine(top, at, end);
    const { text } = this;
    if (text.charCodeAt(at) !== 45 || text.charCodeAt(at + 1) !== 32) throw new Declined();
    let content = at + 1;
    while (content < end && text.charCodeAt(content) === 32) content += 1;
    if (content === end || text.charCodeAt(content) === 35) throw new Declined();
    KEY.lastIndex = content;
    if (KEY.test(text)) {
      // `- key: value` opens a mapping at the key's column; later keys of the item align with it.
      const map = this.openMap(content - (at - indent), content);
      const frame = this.stack[this.stack.length - 1] as Frame & { kind: 'map' };
      top.data.push(frame.data);
      top.items.push(map);
      return this.keyLine(frame, content, end);
    }
    const value = this.value(content, end);
    top.data.push(value.data);
    top.items.push(value.node);
  }

  /** `key: value` or `key:` in an open mapping. */
  private keyLine(map: Frame & { kind: 'map' }, at: number, end: number): void {
    const { text } = this;
    KEY.lastIndex = at;
    const match = KEY.exec(text);
    if (!match || match.index !== at) throw new Declined();
    const key = match[1] ?? '';
    if (key.length > 1000 || key === '__proto__' || NOT_A_STRING.test(key) || map.entries.has(key)) throw new Declined();
    let valueAt = KEY.lastIndex;
    while (valueAt < end && text.charCodeAt(valueAt) === 32) valueAt += 1;
    if (valueAt === end || text.charCodeAt(valueAt) === 35) {
      this.pending = { map, key, keyAt: at };
      return;
    }
    const value = this.value(valueAt, end);
    map.data[key] = value.data;
    map.entries.set(key, { keyAt: at, value: value.node });
  }

  /**
   * A one-line value: a quoted or plain scalar, or a list of plain words in brackets, with an optional
   * anchor (`&name value`); or an alias (`*name`) of such a value written before it.
   */
  private value(at: number, end: number): { data: unknown; node: PlainNode } {
    const { text } = this;
    const first = text.charAt(at);
    if (first === '&' || first === '*') {
      ANCHOR.lastIndex = at + 1;
      const name = ANCHOR.exec(text)?.[1];
      if (name === undefined) throw new Declined();
      if (first === '*') {
        this.rest(ANCHOR.lastIndex, end);
        const anchored = this.anchors.get(name);
        if (!anchored) throw new Declined();
        anchored.aliases += 1;
        return { data: anchored.data, node: { at } };
      }
      let valueAt = ANCHOR.lastIndex;
      while (valueAt < end && text.charCodeAt(valueAt) === 32) valueAt += 1;
      if (valueAt === ANCHOR.lastIndex || valueAt === end || this.anchors.has(name) || '&*#'.includes(text.charAt(valueAt)))
        throw new Declined();
      const value = this.value(valueAt, end);
      this.anchors.set(name, { data: value.data, aliases: 0 });
      return value;
    }
    if (first === '"' || first === "'") return this.quoted(at, end, first);
    if (first === '[') return this.flowList(at, end);
    if (INDICATOR_START.test(first)) throw new Declined();
    const comment = text.slice(at, end).indexOf(' #');
    let stop = comment === -1 ? end : at + comment;
    while (stop > at && text.charCodeAt(stop - 1) === 32) stop -= 1;
    return { data: plainString(text.slice(at, stop)), node: { at } };
  }

  private quoted(at: number, end: number, quote: string): { data: unknown; node: PlainNode } {
    const close = this.closingQuote(at, end, quote);
    this.rest(close + 1, end);
    return { data: unquote(this.text.slice(at + 1, close), quote), node: { at } };
  }

  /** The closing quote on this line of the string opened at `at`; declines escapes in double quotes. */
  private closingQuote(at: number, end: number, quote: string): number {
    const { text } = this;
    let close = at + 1;
    for (;;) {
      close = text.indexOf(quote, close);
      if (close === -1 || close >= end) throw new Declined();
      if (quote === "'" && text.charAt(close + 1) === "'") close += 2;
      else break;
    }
    if (quote === '"' && text.slice(at + 1, close).includes('\\')) throw new Declined();
    return close;
  }

  /** `[a, "b"]` on one line, each item a plain word or a quoted string; `[]` is an empty list. */
  private flowList(at: number, end: number): { data: unknown; node: PlainNode } {
    const { text } = this;
    const data: string[] = [];
    const items: PlainNode[] = [];
    let next = at + 1;
    const skipSpaces = (): void => {
      while (next < end && text.charCodeAt(next) === 32) next += 1;
    };
    skipSpaces();
    if (text.charAt(next) === ']') next += 1;
    else {
      for (;;) {
        skipSpaces();
        const first = text.charAt(next);
        const itemAt = next;
        if (first === '"' || first === "'") {
          const close = this.closingQuote(next, end, first);
          data.push(unquote(text.slice(next + 1, close), first));
          next = close + 1;
        } else {
          while (next < end && text.charAt(next) !== ',' && text.charAt(next) !== ']') next += 1;
          const word = text.slice(itemAt, next).trimEnd();
          if (INDICATOR_START.test(word.charAt(0)) || /[[\]{}"'#]/.test(word)) throw new Declined();
          data.push(plainString(word));
        }
        items.push({ at: itemAt });
        skipSpaces();
        const separator = text.charAt(next);
        next += 1;
        if (separator === ']') break;
        if (separator !== ',') throw new Declined();
      }
    }
    this.rest(next, end);
    return { data, node: { at, items } };
  }

  /** What follows a closed value on its line: nothing, or a comment after a space. */
  private rest(at: number, end: number): void {
    const tail = this.text.slice(at, end);
    if (tail.trim() !== '' && !/^ +#/.test(tail)) throw new Declined();
  }

  private openMap(indent: number, at: number): PlainNode {
    const entries = new Map<string, { keyAt: number; value: PlainNode }>();
    this.stack.push({ kind: 'map', indent, data: {}, entries });
    return { at, entries };
  }

  private openSeq(indent: number, at: number): PlainNode {
    const items: PlainNode[] = [];
    this.stack.push({ kind: 'seq', indent, data: [], items });
    return { at, items };
  }
}

/** The text of a quoted string: double quotes without escapes as written, single quotes with `''` for `'`. */
function unquote(inner: string, quote: string): string {
  return quote === "'" ? inner.replaceAll("''", "'") : inner;
}

/** A plain word as the core schema reads it, when it is a string; anything else is declined. */
function plainString(word: string): string {
  if (word === '' || word.includes(': ') || word.endsWith(':') || word.includes(' #') || NOT_A_STRING.test(word)) throw new Declined();
  return word;
}
