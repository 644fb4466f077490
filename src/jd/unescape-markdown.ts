/** A backslash before ASCII punctuation: a Markdown escape (https://spec.commonmark.org/0.31.2/#backslash-escapes). */
const MARKDOWN_ESCAPE = /\\([!-/:-@[-`{-~])/g;

/** Removes Markdown backslash escapes, so `\(k8s\)` reads `(k8s)`. */
export function unescapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_ESCAPE, '$1');
}
