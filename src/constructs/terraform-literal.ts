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
