/** A short, stable hex digest of `text` (32-bit FNV-1a): for names that must fit a length limit. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** `name` if it fits in `max` characters, else its head joined to a hash of the whole, within `max`. */
export function fitName(name: string, max: number): string {
  if (name.length <= max) return name;
  const hash = shortHash(name).slice(0, 6);
  return `${name.slice(0, max - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}
