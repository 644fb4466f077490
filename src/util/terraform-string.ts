/**
 * Text as a Terraform string literal: `${` and `%{` start interpolations and template directives in
 * every Terraform string, JSON configuration included, so each is doubled (`$${`, `%%{`).
 * https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences-1
 */
export function terraformLiteral(text: string): string {
  // Replacer functions: in a replacement string `$$` would itself mean one `$`.
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** The text a Terraform string literal stands for: the inverse of {@link terraformLiteral}. */
export function literalText(literal: string): string {
  return literal.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}
