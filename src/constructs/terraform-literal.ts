/**
 * Text from the model as a Terraform string literal: `${` and `%{` start interpolations and template
 * directives in every Terraform string, JSON configuration included, so each is doubled (`$${`, `%%{`).
 * IAM policy variables such as `${aws:username}` would otherwise fail `terraform validate`, or worse,
 * a role title could reach into the configuration.
 * https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences-1
 */
export function terraformLiteral(text: string): string {
  // Replacer functions: in a replacement string `$$` would itself mean one `$`.
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/**
 * The only interpolation rolecall writes itself: a reference that cdktf resolved to
 * `${<type>.<name>.<attribute>}` (one resource's id or ARN handed to another).
 */
const REFERENCE = /^\$\{[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+\}$/;

/** A template sequence Terraform would evaluate, and where it is in the synthesized configuration. */
export interface LiveTemplate {
  /** JSON path, e.g. `resource.aws_iam_group.sre.name`. */
  readonly path: string;
  /** The interpolation or directive as written, e.g. `${file("/etc/hostname")}`. */
  readonly text: string;
}

/**
 * Every interpolation (`${…}`) or directive (`%{…}`) Terraform would evaluate in `config` that is not
 * a resource reference: scanned the way Terraform's template lexer does, `$${` and `%%{` being
 * escapes. Empty when every string from the model went through {@link terraformLiteral}.
 */
export function liveTemplates(config: unknown, path = ''): LiveTemplate[] {
  if (typeof config === 'string') return scan(config).map((text) => ({ path, text }));
  if (Array.isArray(config)) return config.flatMap((item, index) => liveTemplates(item, `${path}[${index}]`));
  if (config !== null && typeof config === 'object') {
    return Object.entries(config).flatMap(([key, value]) => [
      ...scan(key).map((text) => ({ path: `${path}.${key}`, text })),
      ...liveTemplates(value, path ? `${path}.${key}` : key),
    ]);
  }
  return [];
}

function scan(text: string): string[] {
  const live: string[] = [];
  let index = 0;
  while (index < text.length) {
    if (text.startsWith('$${', index) || text.startsWith('%%{', index)) {
      index += 3;
    } else if (text.startsWith('${', index) || text.startsWith('%{', index)) {
      const end = text.indexOf('}', index);
      const sequence = end < 0 ? text.slice(index) : text.slice(index, end + 1);
      if (!REFERENCE.test(sequence)) live.push(sequence);
      index = end < 0 ? text.length : end + 1;
    } else {
      index += 1;
    }
  }
  return live;
}
