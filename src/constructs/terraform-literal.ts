/**
 * Text from the model as a Terraform string literal (`${` and `%{` doubled). IAM policy variables such as
 * `${aws:username}` would otherwise fail `terraform validate`, or worse, a role title could reach into
 * the configuration.
 */
export { terraformLiteral } from '../util/terraform-string';

/**
 * The only interpolations rolecall writes itself: a reference that cdktf resolved to
 * `${<type>.<name>.<attribute>}`, one resource's id or ARN handed to another of the same stack, or to
 * `${data.<type>.<name>.<attribute>}`, an attribute of a data source the stack declares (a people shard
 * looks up the id of a group its base stack created).
 */
const REFERENCE = /^\$\{(data\.)?([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z_][\w-]*)\.[a-z_][a-z0-9_]*\}$/;

/** A template sequence Terraform would evaluate, and where it is in the synthesized configuration. */
export interface LiveTemplate {
  /** JSON path, e.g. `resource.aws_iam_group.sre.name`. */
  readonly path: string;
  /** The interpolation or directive as written, e.g. `${file("/etc/hostname")}`. */
  readonly text: string;
}

/**
 * Every interpolation (`${…}`) or directive (`%{…}`) Terraform would evaluate in a synthesized stack
 * configuration, except references to a resource or data source that the configuration itself
 * declares: scanned the way Terraform's template lexer does, `$${` and `%%{` being escapes. Empty when
 * every string from the model went through {@link terraformLiteral}; `${var.x}`, `${path.root}`,
 * function calls, directives and references to anything undeclared are always reported.
 */
export function liveTemplates(config: unknown): LiveTemplate[] {
  const resources = isRecord(config) && isRecord(config.resource) ? config.resource : {};
  const data = isRecord(config) && isRecord(config.data) ? config.data : {};
  const declared = (sequence: string): boolean => {
    const match = REFERENCE.exec(sequence);
    if (!match) return false;
    const byName = (match[1] ? data : resources)[match[2] ?? ''];
    return isRecord(byName) && Object.hasOwn(byName, match[3] ?? '');
  };
  const found: LiveTemplate[] = [];
  const walk = (value: unknown, path: string): void => {
    const report = (text: string, at: string): void => {
      for (const sequence of scan(text)) if (!declared(sequence)) found.push({ path: at, text: sequence });
    };
    if (typeof value === 'string') report(value, path);
    else if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}[${index}]`));
    else if (isRecord(value)) {
      for (const [key, item] of Object.entries(value)) {
        const at = path ? `${path}.${key}` : key;
        report(key, at);
        walk(item, at);
      }
    }
  };
  walk(config, '');
  return found;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function scan(text: string): string[] {
  const live: string[] = [];
  let index = 0;
  while (index < text.length) {
    if (text.startsWith('$${', index) || text.startsWith('%%{', index)) {
      index += 3;
    } else if (text.startsWith('${', index) || text.startsWith('%{', index)) {
      const end = text.indexOf('}', index);
      live.push(end < 0 ? text.slice(index) : text.slice(index, end + 1));
      index = end < 0 ? text.length : end + 1;
    } else {
      index += 1;
    }
  }
  return live;
}
