import { decodeHTMLStrict } from 'entities';

/** The cp1252 byte each character stands for, for bytes 0x80–0xFF (ASCII is never part of mojibake). */
const CP1252_BYTE_OF: ReadonlyMap<string, number> = buildCp1252ByteMap();

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Most rounds of repair; text that went through the wrong decoding twice needs two. */
const MAX_ROUNDS = 3;

function buildCp1252ByteMap(): Map<string, number> {
  const decoder = new TextDecoder('windows-1252');
  const map = new Map<string, number>();
  for (let byte = 0x80; byte <= 0xff; byte += 1) {
    const decoded = decoder.decode(Uint8Array.of(byte));
    // Node >= 20.18.3 decodes windows-1252 as latin1, giving C1 controls for 0x80–0x9F
    // (https://github.com/nodejs/node/issues/60888). HTML numeric references map those code points the
    // way windows-1252 does, so this gives the right table whether or not the runtime has the bug.
    const char = isC1Control(decoded) ? decodeHTMLStrict(`&#${byte};`) : decoded;
    map.set(char, byte);
    // Text decoded as true latin1 carries the C1 controls themselves: repair those too.
    if (!map.has(String.fromCharCode(byte))) map.set(String.fromCharCode(byte), byte);
  }
  return map;
}

function isC1Control(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return char.length === 1 && code >= 0x80 && code <= 0x9f;
}

/** Length of the UTF-8 sequence a lead byte starts, or 0 when the byte cannot lead one. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function decodeUtf8(bytes: readonly number[]): string | undefined {
  try {
    return UTF8.decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
}

/** Bytes of the sequence starting at `start` when every character maps to the byte it needs. */
function sequenceBytes(chars: readonly string[], start: number): number[] | undefined {
  const lead = CP1252_BYTE_OF.get(chars[start] ?? '');
  const length = lead === undefined ? 0 : sequenceLength(lead);
  if (lead === undefined || length === 0 || start + length > chars.length) return undefined;
  const bytes = [lead];
  for (let offset = 1; offset < length; offset += 1) {
    const byte = CP1252_BYTE_OF.get(chars[start + offset] ?? '');
    if (byte === undefined || byte < 0x80 || byte > 0xbf) return undefined;
    bytes.push(byte);
  }
  return bytes;
}

/**
 * `â€` then U+FFFD: the bytes E2 80 9D ("”") read as cp1252, where 0x9D is undefined and became the
 * replacement character. Of the five bytes cp1252 leaves undefined (81, 8D, 8F, 90, 9D), the right double
 * quote is the only one that follows E2 80 in prose; the others are spacing and direction marks.
 */
const LOST_THIRD_BYTE: readonly [string, string, string] = ['â', '€', '\ufffd'];
const RIGHT_DOUBLE_QUOTE = '\u201d';

function repairOnce(text: string): string {
  const chars = Array.from(text);
  let out = '';
  let index = 0;
  while (index < chars.length) {
    if (LOST_THIRD_BYTE.every((char, offset) => chars[index + offset] === char)) {
      out += RIGHT_DOUBLE_QUOTE;
      index += LOST_THIRD_BYTE.length;
      continue;
    }
    const bytes = sequenceBytes(chars, index);
    const decoded = bytes === undefined ? undefined : decodeUtf8(bytes);
    if (bytes !== undefined && decoded !== undefined) {
      out += decoded;
      index += bytes.length;
    } else {
      out += chars[index] ?? '';
      index += 1;
    }
  }
  return out;
}

/**
 * Repairs mojibake: UTF-8 bytes that were read as cp1252 (`â€“` back to `–`, `â€™` back to `’`).
 *
 * Only runs of characters whose cp1252 bytes form one valid UTF-8 sequence are replaced, so ordinary
 * accented text (`café`, `Ærø`) is left alone; and `â€` followed by a replacement character, whose lost
 * byte can only have been a right double quote in prose.
 */
export function repairMojibake(text: string): string {
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const next = repairOnce(current);
    if (next === current) break;
    current = next;
  }
  return current;
}
