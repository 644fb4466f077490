/**
 * Letters that Unicode does not decompose into a base letter and a mark, spelt the way Rails'
 * transliteration spells them (its default approximations).
 */
const APPROXIMATIONS: Readonly<Record<string, string>> = {
  Æ: 'AE',
  æ: 'ae',
  Ð: 'D',
  ð: 'd',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ł: 'L',
  ł: 'l',
  Ŀ: 'L',
  ŀ: 'l',
  Ŋ: 'NG',
  ŋ: 'ng',
  Ø: 'O',
  ø: 'o',
  Œ: 'OE',
  œ: 'oe',
  ß: 'ss',
  Þ: 'Th',
  þ: 'th',
  Ŧ: 'T',
  ŧ: 't',
};

/**
 * The slug GitHub gives a team named `name`, as in `@org/<slug>`, the team's URL and CODEOWNERS.
 * GitHub generates it from the name the way Rails' `parameterize` does: letters with accents lose them
 * (`Näme` → `name`), every run of characters other than ASCII letters, digits, `-` and `_` becomes one
 * `-`, runs of `-` collapse, `-` is trimmed from both ends, and the result is lower case. Underscores
 * are kept. Returns an empty string when nothing is left (a name of symbols or of non-Latin letters),
 * which `validate` reports.
 * https://docs.github.com/en/rest/teams/teams#get-a-team-by-name ("GitHub generates the slug from the team name")
 */
export function githubTeamSlug(name: string): string {
  const ascii = [...name.normalize('NFD')]
    .map((character) => APPROXIMATIONS[character] ?? character)
    .join('')
    // Combining marks left by the decomposition (the accent of "ä" = "a" + U+0308).
    .replace(/\p{M}/gu, '');
  return ascii
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}
