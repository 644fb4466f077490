import { terraformLiteral } from '../../src/constructs/terraform-literal';

describe('terraformLiteral', () => {
  test.each([
    ['plain text', 'plain text'],
    ['arn:aws:iam::*:user/${aws:username}', 'arn:aws:iam::*:user/$${aws:username}'],
    ['%{ if x }y%{ endif }', '%%{ if x }y%%{ endif }'],
    ['${a}${b}', '$${a}$${b}'],
    ['$ {not} and % {not} and $$ and %%', '$ {not} and % {not} and $$ and %%'],
  ])('writes %j as %j', (text, expected) => {
    expect(terraformLiteral(text)).toBe(expected);
  });
});
