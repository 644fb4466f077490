import type { ActionCatalog } from '../../src/model/iam/action-catalog';
import { resourceTypesOfAction } from '../../src/model/iam/action-resources';

/**
 * A second, independent answer to "can this action act on a resource this pattern names?", for tests:
 * it looks for a witness ARN both ways, with regular expressions and sample texts only (never the automata
 * the model uses): the pattern's wildcards filled with sample texts and checked against each resource
 * type's format as a regular expression, and each format's variables filled (partition, region and
 * account as the pattern writes them) and checked against the pattern as a regular expression.
 */
export function oracleCanActOn(catalog: ActionCatalog, action: string, resource: string): boolean {
  if (action === '*' || resource === '*') return true;
  const types = resourceTypesOfAction(catalog, action);
  if (types === undefined) return true;
  const formats = types.map((type) => formatRegExp(type.arn));
  // Fillers also take the formats' own separators (`:log-stream:`), so a wildcard can stand for them.
  const literals = types.flatMap((type) =>
    type.arn
      .split(/\$\{[^}]*\}/)
      .slice(1)
      .filter((piece) => piece.length > 1),
  );
  const fillers = [...FILLERS, ...literals.flatMap((piece) => [`a${piece}a`, `${piece.slice(1)}a`])];
  if (samplesOf(resource, fillers).some((arn) => formats.some((format) => format.test(arn)))) return true;
  const pattern = patternRegExp(resource);
  return types.some((type) => formatSamplesOf(type.arn, resource).some((arn) => pattern.test(arn)));
}

/** Instances of a format: header variables from the pattern's fields, names from a few samples. */
function formatSamplesOf(format: string, pattern: string): string[] {
  const fields = pattern.split(':');
  const pieces = format.split(/(\$\{[^}]*\})/);
  let samples = [''];
  let field = 0;
  for (const piece of pieces) {
    if (!piece.startsWith('${')) {
      field += piece.split(':').length - 1;
      samples = samples.map((sample) => sample + piece);
      continue;
    }
    const written = fields[field];
    const values = field < 5 ? [written !== undefined && !/[*?$]/.test(written) && written !== '' ? written : 'a'] : ['a', 'a/b', 'app'];
    samples = samples.flatMap((sample) => values.map((value) => sample + value));
    if (samples.length > 5000) samples = samples.slice(0, 5000);
  }
  return samples;
}

function patternRegExp(pattern: string): RegExp {
  const source = pattern
    .split(/(\$\{[^}]*\}|\*|\?)/)
    .map((piece) => (piece === '*' ? '.*' : piece === '?' ? '.' : piece.startsWith('${') ? '.+' : escape(piece)))
    .join('');
  return new RegExp(`^${source}$`);
}

const FILLERS = ['', 'a', 'a/b', 'a/b/c', 'a:b', 'a:b/c'];

/** Concrete texts the pattern matches: each `*` filled with each filler, `?` and `${…}` with `a`. */
function samplesOf(pattern: string, fillers: readonly string[]): string[] {
  const parts = pattern
    .replace(/\$\{[^}]*\}/g, 'a')
    .replace(/\?/g, 'a')
    .split('*');
  let samples = [parts[0] ?? ''];
  for (const part of parts.slice(1)) {
    samples = samples.flatMap((sample) => fillers.map((filler) => sample + filler + part));
    if (samples.length > 5000) samples = samples.slice(0, 5000);
  }
  return samples;
}

function formatRegExp(format: string): RegExp {
  let source = '';
  let last = 0;
  const variable = /\$\{([^}]*)\}/g;
  let match: RegExpExecArray | null;
  while ((match = variable.exec(format)) !== null) {
    source += escape(format.slice(last, match.index));
    last = match.index + match[0].length;
    const header = format.slice(0, match.index).split(':').length <= 5;
    const next = format[last];
    source += header ? '[^:]+' : next === '/' ? '[^/]+' : next === ':' ? '[^:]+' : match[1] === 'BucketName' ? '[^/]+' : '.+';
  }
  return new RegExp(`^${source}${escape(format.slice(last))}$`);
}

function escape(text: string): string {
  return text.replace(/[\\^$.*+?()|[\]{}]/g, '\\$&');
}
