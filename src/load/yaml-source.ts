import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { positionAt } from '../jd/source-position';
import { parsePlainYaml, type PlainYaml } from './plain-yaml';
import { plainOffset, plainPosition } from './plain-yaml-position';
import { parseBoundedYaml, YamlAliasError, type YamlLimitBreach } from '../jd/yaml-limits';
import type { Problem } from './problem';
import { TextCache } from './text-cache';

/** Plain readings by text: a file that two revisions share is read once (its data is never changed). */
const plainReadings = new TextCache<PlainYaml | undefined>(64 * 1024 * 1024);
/** Readings by `yaml` of the other files, kept only when they have no problem (problems name their file). */
const fullReadings = new TextCache<{ readonly doc: Document.Parsed; readonly lines: LineCounter; readonly data: unknown }>(
  16 * 1024 * 1024,
);

/** A path into parsed data: object keys and array indexes. */
export type DataPath = readonly (string | number)[];

/** A 1-based position in a file. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Formats a data path as `people[3].roles[0]`. */
export function formatPath(path: DataPath): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text ? `.${part}` : part;
  }
  return text;
}

/**
 * A YAML file parsed with positions: the plain data, and a way back from a data path to the line and
 * column where that value (or its nearest existing parent) was written.
 */
export class YamlSource {
  /** The parsed data, as plain JavaScript. */
  readonly data: unknown;
  /** YAML syntax problems; `data` is undefined when there is one. */
  readonly syntaxProblems: readonly Problem[];
  private readonly doc: Document.Parsed | undefined;
  private readonly lines: LineCounter | undefined;
  private readonly plain: PlainYaml | undefined;

  /** Parses `text`; `file` is the name shown in problems. */
  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    // Plain block YAML (nearly all of rolecall's files) is read by the fast reader; anything else by `yaml`.
    this.plain = plainReadings.compute(text, parsePlainYaml);
    if (this.plain) {
      this.data = this.plain.data;
      this.syntaxProblems = [];
      return;
    }
    const known = fullReadings.get(text);
    if (known) {
      ({ doc: this.doc, lines: this.lines, data: this.data } = known);
      this.syntaxProblems = [];
      return;
    }
    this.lines = new LineCounter();
    const parsed = parseBoundedYaml(text, { lineCounter: this.lines, uniqueKeys: true, prettyErrors: false, strict: true });
    // A document the parser could not even build locates every path at the start of the file.
    this.doc = parsed.doc ?? parseDocument('');
    if (!parsed.ok) {
      this.syntaxProblems = [this.breachProblem(parsed.breach)];
      this.data = undefined;
      return;
    }
    const problems: Problem[] = [];
    for (const error of this.doc.errors) {
      const { line, col } = this.lines.linePos(error.pos[0]);
      problems.push({
        severity: 'error',
        file,
        line,
        column: col,
        message: `invalid YAML: ${yamlMessage(error.message)}`,
        hint: syntaxHint(error.code),
      });
    }
    let data: unknown;
    if (problems.length === 0) {
      try {
        data = parsed.toJS();
      } catch (error) {
        if (!(error instanceof YamlAliasError)) throw error;
        problems.push(this.breachProblem(error.breach));
      }
    }
    this.syntaxProblems = problems;
    this.data = problems.length ? undefined : data;
    if (problems.length === 0) fullReadings.set(text, { doc: this.doc, lines: this.lines, data });
  }

  private breachProblem(breach: YamlLimitBreach): Problem {
    // Not the line counter: when the parser overflowed it has counted only part of the text.
    const { line, column } = positionAt(this.text, breach.offset);
    return { severity: 'error', file: this.file, line, column, message: `invalid YAML: ${breach.message}`, hint: breach.hint };
  }

  /** Position of the value at `path`, or of the nearest parent that exists. */
  locate(path: DataPath): Position {
    return this.position(this.offset(path, 'value'));
  }

  /** Position of the key at `path` (for a misspelt key), or of the nearest parent. */
  locateKey(path: DataPath): Position {
    return this.position(this.offset(path, 'key'));
  }

  /** A problem at `path`, with the path as the start of the message. */
  problem(path: DataPath, message: string, hint?: string, severity: Problem['severity'] = 'error'): Problem {
    const { line, column } = this.locate(path);
    const where = formatPath(path);
    return { severity, file: this.file, line, column, message: where ? `${where}: ${message}` : message, hint };
  }

  private offset(path: DataPath, want: 'key' | 'value'): number {
    return this.plain ? plainOffset(this.plain.root, path, want) : (this.node(path, want)?.range?.[0] ?? 0);
  }

  private node(path: DataPath, want: 'key' | 'value'): Node | undefined {
    if (!this.doc) return undefined;
    let current: unknown = this.doc.contents;
    let found: Node | undefined = this.doc.contents ?? undefined;
    path.forEach((part, index) => {
      if (current === undefined) return;
      const last = index === path.length - 1;
      if (isMap(current)) {
        const pair = current.items.find((item: Pair) => isScalar(item.key) && String(item.key.value) === String(part));
        if (!pair) return (current = undefined);
        const next = last && want === 'key' ? pair.key : (pair.value ?? pair.key);
        current = next;
        found = (next as Node | null) ?? found;
      } else if (isSeq(current) && typeof part === 'number') {
        const item = current.items[part];
        if (item === undefined) return (current = undefined);
        current = item;
        found = item as Node;
      } else {
        current = undefined;
      }
    });
    return found;
  }

  private position(offset: number): Position {
    if (this.plain) return plainPosition(this.plain.lineStarts, offset);
    const { line, col } = this.lines?.linePos(offset) ?? { line: 1, col: 1 };
    return { line, column: col };
  }
}

function yamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  const trimmed = first.replace(/ at line \d+, column \d+:?$/, '').trim();
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1).replace(/\.$/, '');
}

function syntaxHint(code: string): string | undefined {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'each key may appear once in a mapping';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation and that every list item starts with "- "';
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    default:
      return undefined;
  }
}
