/**
 * A Terraform name built from stable ids: the parts joined by `__`, each character Terraform does not
 * allow in a name (`[A-Za-z0-9_-]`) replaced by `_`, and `_` put first when the result would not start
 * with a letter or an underscore. Pure, so that the model can refuse two entries that would share an
 * address before anything is rendered (see `src/model/check/check-terraform-addresses.ts`).
 * https://developer.hashicorp.com/terraform/language/syntax/configuration#identifiers
 */
export function terraformName(...parts: readonly string[]): string {
  const name = parts.map((part) => part.replace(/[^A-Za-z0-9_-]/g, '_')).join('__');
  return /^[A-Za-z_]/.test(name) ? name : `_${name}`;
}
