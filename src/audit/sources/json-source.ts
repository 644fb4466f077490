import type { z } from 'zod';
import { scanJson, type JsonOffsets } from '../../jd/scan-json';
import { lineOfOffset, positionAt } from '../../jd/source-position';
import type { Problem } from '../../load/problem';
import type { SourceRef } from '../../model/types';

/** An export read as JSON: its value, and where each value starts, for positioned problems and evidence. */
export interface JsonSource {
  readonly file: string;
  readonly data: unknown;
  /** `file:line` of the value at a JSON pointer (`/UserDetailList/0`), or of its nearest parent. */
  ref(pointer: string): SourceRef;
  /** An error at the value of a JSON pointer. */
  problem(pointer: string, message: string, hint?: string, severity?: Problem['severity']): Problem;
}

/** Parses an export; a syntax error is a problem at its line and column, never a throw. */
export function readJson(file: string, text: string, hint: string): { source?: JsonSource; problems: Problem[] } {
  const scan = scanJson(text);
  if (!scan.ok) {
    const { line, column } = positionAt(text, Math.min(scan.offset, text.length));
    return { problems: [{ severity: 'error', file, line, column, message: scan.tooDeep ? 'JSON nested too deep' : `not JSON: expected ${scan.expected}`, hint }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { problems: [{ severity: 'error', file, line: 1, column: 1, message: 'not JSON', hint }] };
  }
  return { source: jsonSource(file, text, data, scan.offsets), problems: [] };
}

function jsonSource(file: string, text: string, data: unknown, offsets: JsonOffsets): JsonSource {
  const lineOf = lineOfOffset(text);
  const offsetOf = (pointer: string): number => {
    let at = pointer;
    for (;;) {
      const offset = offsets.get(at);
      if (offset !== undefined) return offset;
      if (at === '') return 0;
      at = at.slice(0, Math.max(0, at.lastIndexOf('/')));
    }
  };
  return {
    file,
    data,
    ref: (pointer) => ({ file, line: lineOf(offsetOf(pointer)) }),
    problem: (pointer, message, hint, severity = 'error') => ({ severity, file, ...positionAt(text, offsetOf(pointer)), message, ...(hint ? { hint } : {}) }),
  };
}

/** A JSON pointer from a path of keys and indexes. */
export function pointer(path: readonly PropertyKey[]): string {
  return path.map((part) => `/${String(part).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Checks data against a schema: the parsed value, or one problem per issue at the issue's value. */
export function checkShape<S extends z.ZodType>(source: JsonSource, base: readonly PropertyKey[], data: unknown, schema: S, hint: string): { value?: z.output<S>; problems: Problem[] } {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { value: parsed.data, problems: [] };
  return {
    problems: parsed.error.issues.map((issue) => {
      const path = [...base, ...issue.path];
      const where = path.length ? path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '') : '(top level)';
      return source.problem(pointer(path), `${where}: ${issue.message.toLowerCase()}`, hint);
    }),
  };
}

/**
 * A list given flat, or as pages (an array of arrays, as `gh api --paginate --slurp` writes), with the
 * JSON pointer of each item.
 */
export function flatten(data: unknown, base = ''): { items: { value: unknown; at: string }[] } | undefined {
  if (!Array.isArray(data)) return undefined;
  if (data.length > 0 && data.every((page) => Array.isArray(page))) {
    return { items: data.flatMap((page: unknown[], pageIndex) => page.map((value, index) => ({ value, at: `${base}/${pageIndex}/${index}` }))) };
  }
  return { items: data.map((value, index) => ({ value, at: `${base}/${index}` })) };
}

/** The account id of an ARN (`arn:<partition>:<service>:<region>:<account>:…`), or undefined. */
export function arnAccount(arn: string): string | undefined {
  return /^arn:[a-z-]+:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):/.exec(arn)?.[1];
}

/** A policy document given as an object (the AWS CLI decodes it) or as URL-encoded JSON text (the raw API), as compact JSON text. */
export function policyText(document: unknown): string | undefined {
  if (typeof document === 'string') {
    try {
      return JSON.stringify(JSON.parse(decodeURIComponent(document)) as unknown);
    } catch {
      return document;
    }
  }
  return document === undefined ? undefined : JSON.stringify(document);
}
