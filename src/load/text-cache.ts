/**
 * Results computed from a text, kept for the life of the process: `diff` loads two revisions of one roles
 * directory, which share most files word for word, and each such file is then parsed once. Bounded by
 * the total length of the texts it keeps; when full it starts again.
 */
export class TextCache<V> {
  private readonly entries = new Map<string, V>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  has(text: string): boolean {
    return this.entries.has(text);
  }

  get(text: string): V | undefined {
    return this.entries.get(text);
  }

  set(text: string, value: V): void {
    if (this.entries.has(text) || text.length > this.maxChars) return;
    if (this.chars + text.length > this.maxChars) {
      this.entries.clear();
      this.chars = 0;
    }
    this.entries.set(text, value);
    this.chars += text.length;
  }

  /** The value computed from `text`, computing it on the first call for that text. */
  compute(text: string, compute: (text: string) => V): V {
    if (this.entries.has(text)) return this.entries.get(text) as V;
    const value = compute(text);
    this.set(text, value);
    return value;
  }
}
