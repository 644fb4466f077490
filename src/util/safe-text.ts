/**
 * Text from the roles directory is written by anyone who can open a pull request. These helpers find
 * and neutralise the characters that would let it rewrite a terminal or a review: control characters
 * (ANSI escapes start with U+001B) and the Unicode bidirectional controls ("Trojan Source",
 * https://trojansource.codes/).
 */

/** C0 controls but tab and line feed, DEL, C1 controls, line and paragraph separators, bidi controls. */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');

/** Longest value quoted in a message before it is cut. */
export const MAX_SHOWN = 120;

/** The first character of `text` that free text must not hold, with its index, or undefined. */
export function findUnsafeChar(text: string): { readonly codePoint: string; readonly kind: string; readonly index: number } | undefined {
  const match = UNSAFE.exec(text);
  return match ? { codePoint: codePointName(match[0]), kind: unsafeKind(match[0]), index: match.index } : undefined;
}

/** What kind of unsafe character `char` is, for messages. */
export function unsafeKind(char: string): string {
  return /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u.test(char) ? 'bidirectional control character' : 'control character';
}

/** `U+202E` for a character. */
export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Replaces every unsafe character (and line feed, carriage return) with a visible `<U+XXXX>`. */
export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE_ALL, (char) => `<${codePointName(char)}>`);
}

/** Cuts `text` to `max` characters, ending with `…` when cut. */
export function clipText(text: string, max: number = MAX_SHOWN): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** A user value for a message: quoted, unsafe characters made visible, cut at {@link MAX_SHOWN}. */
export function showValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(clipText(value)) : clipText(String(JSON.stringify(value) ?? String(value)));
  return escapeUnsafe(text);
}
