import { repairText } from '../../../src/jd';
import { decodeEntitiesUntilStable } from '../../../src/jd/decode-entities';
import { repairMojibake } from '../../../src/jd/repair-mojibake';
import { unescapeMarkdown } from '../../../src/jd/unescape-markdown';

/** UTF-8 text as it reads when its bytes are decoded as cp1252, built here rather than typed by hand. */
function asCp1252Mojibake(text: string): string {
  const cp1252: Record<number, string> = { 0x80: '€', 0x93: '“', 0x94: '”', 0x99: '™', 0x9c: 'œ', 0x9d: '\u009d' };
  return [...Buffer.from(text, 'utf8')].map((byte) => cp1252[byte] ?? String.fromCharCode(byte)).join('');
}

describe('repairText', () => {
  it.each([
    ['entities escaped once', 'iOS &amp; Android', 'iOS & Android'],
    ['entities escaped twice', 'Who &amp;amp; why', 'Who & why'],
    ['escaped tags left after decoding', 'a&amp;lt;br&amp;gt;b', 'a b'],
    ['numeric references', 'matrix.org &#8212; the project', 'matrix.org — the project'],
    ['legacy entity without semicolon kept', 'R&D &copyright', 'R&D &copyright'],
    ['en dash mojibake', 'tools â€“ ideally', 'tools – ideally'],
    ['apostrophe mojibake', 'Itâ€™s important', 'It’s important'],
    ['latin-1 accent mojibake', 'cafÃ© rÃ©sumÃ©', 'café résumé'],
    ['markdown escapes', 'orchestration systems \\(k8s\\)', 'orchestration systems (k8s)'],
    ['escaped asterisk and underscore', '\\*nix and snake\\_case', '*nix and snake_case'],
    ['whitespace collapsed and trimmed', '  Manage \n\t Mongo   clusters ', 'Manage Mongo clusters'],
    ['non-breaking and zero-width spaces', 'Manage\u00a0Mongo\u200b clusters', 'Manage Mongo clusters'],
    ['angle brackets that are not formatting tags kept', 'ssh <host> and run', 'ssh <host> and run'],
  ])('repairs %s', (_name, input, expected) => {
    expect(repairText(input)).toBe(expected);
  });

  it('keeps backslashes when told the markdown escapes are already gone', () => {
    expect(repairText('C:\\(dir\\)', { markdownEscapes: false })).toBe('C:\\(dir\\)');
  });
});

describe('repairMojibake', () => {
  it.each(['–', '’', '“quoted”', '€5', '™', 'œuvre', 'naïve', 'Ærø', '日本', '🚀'])('undoes cp1252 mojibake of %s', (text) => {
    expect(repairMojibake(asCp1252Mojibake(text))).toBe(text);
  });

  it('undoes mojibake applied twice', () => {
    expect(repairMojibake(asCp1252Mojibake(asCp1252Mojibake('it’s')))).toBe('it’s');
  });

  it('undoes mojibake read as true latin-1, with C1 control characters', () => {
    expect(repairMojibake('tools \u00e2\u0080\u0093 ideally')).toBe('tools – ideally');
  });

  it.each(['café', 'Ærø', 'façade – déjà vu', 'Â alone', 'price: 5 €', 'plain ascii'])('leaves correct text %s alone', (text) => {
    expect(repairMojibake(text)).toBe(text);
  });
});

describe('decodeEntitiesUntilStable', () => {
  it('decodes three levels of escaping', () => {
    expect(decodeEntitiesUntilStable('&amp;amp;lt;li&amp;amp;gt;')).toBe('<li>');
  });

  it('returns text without entities unchanged', () => {
    expect(decodeEntitiesUntilStable('AT&T and Q&A')).toBe('AT&T and Q&A');
  });
});

describe('unescapeMarkdown', () => {
  it('removes escapes before punctuation only', () => {
    expect(unescapeMarkdown('\\# not a heading, \\n stays, \\\\ one')).toBe('# not a heading, \\n stays, \\ one');
  });
});
