/**
 * The spellings cdktf (and the AWS CDK it descends from) uses to hide an unresolved value inside a plain
 * string: `${TfToken[TOKEN.1]}` (string), `#{TfToken[TOKEN.1]}` (list), `&{TfToken[TOKEN.1]}` (map), and
 * the CDK's `${Token[…]}` / `#{Token[…]}`. When a string from the YAML holds one, cdktf replaces it at
 * synth with whatever that token stands for (a cross-stack reference, another resource's attribute) or
 * crashes on an unknown one. The model never imports cdktf, so the markers are spelt out here; a
 * construct test checks them against cdktf's own encoding.
 * https://github.com/hashicorp/terraform-cdk/blob/main/packages/cdktf/lib/tokens/private/encoding.ts
 */
const TOKEN_MARKER = /[$#&]\{\s*(?:Tf)?Token\[/i;

/** The first cdktf token marker in `text`, or undefined. */
export function tokenMarkerIn(text: string): string | undefined {
  const match = TOKEN_MARKER.exec(text);
  return match ? text.slice(match.index, text.indexOf('[', match.index) + 1) : undefined;
}

/**
 * True when `value` is one of the doubles cdktf uses to stand for a number or a number list token: the
 * top 16 bits of the IEEE 754 representation are 0xfdff or 0xfbff (a huge negative number no org.yaml
 * means).
 */
export function isTokenNumber(value: number): boolean {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const top = view.getUint16(0);
  return top === 0xfdff || top === 0xfbff;
}
