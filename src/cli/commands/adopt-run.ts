import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { importBlocks, importFile } from '../../audit/adopt/import-blocks';
import { unlistedPeople } from '../../audit/adopt/people-draft';
import { synthesizedStack, type SynthesizedStack } from '../../audit/adopt/stack-config';
import { hasErrors, type Problem } from '../../load/problem';
import { stringOption, type Parsed } from '../args';
import { EXIT, UsageError, type Io } from '../io';
import { writeFileAtomic } from '../write-atomic';
import { loadForCommand, printProblems, problemSummary } from '../shared';
import { adoptCommand } from './adopt';
import { readExportFile } from './audit-files';
import { readAuditSources } from './audit-sources';

const { usage } = adoptCommand;
const IMPORT_FILE = 'rolecall-adopt.tf.json';

/** Runs `rolecall adopt` once its options are parsed and --help is answered. */
export function runAdopt(parsed: Parsed, io: Io): number {
  if (parsed.positionals.length) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`, usage);
  const synthDir = stringOption(parsed.values['synth-dir'], 'cdktf.out').replace(/\/+$/, '');
  const loaded = loadForCommand(parsed, io, usage);
  const sources = readAuditSources(parsed, io.cwd, loaded.model);
  const problems: Problem[] = [...sources.problems];
  const stacks = readStacks(io.cwd, synthDir, problems);
  printProblems(problems, io);
  const all = [...loaded.problems, ...problems];
  if (!loaded.model || hasErrors(all)) {
    io.err(`invalid: ${problemSummary(all)}\n`);
    return EXIT.invalid;
  }
  if (sources.actual.sources.length === 0)
    throw new UsageError(
      'give at least one export: --aws-authorization-details, --identity-center, --github-export or --pagerduty-users',
      usage,
    );
  const results = importBlocks(stacks, sources.actual, { org: loaded.model.github.org });
  const write = parsed.values.write === true;
  for (const result of results) {
    if (result.imports.length === 0) continue;
    const file = `${synthDir}/stacks/${result.stack}/${IMPORT_FILE}`;
    if (write) {
      writeFileAtomic(resolve(io.cwd, file), importFile(result.imports), file);
      io.out(`wrote ${file}: ${result.imports.length} import${result.imports.length === 1 ? '' : 's'}\n`);
    } else {
      io.out(
        `# ${file} (${result.imports.length} import${result.imports.length === 1 ? '' : 's'}; --write writes it)\n${importFile(result.imports)}`,
      );
    }
    for (const note of result.notes) io.out(`note: ${note}\n`);
  }
  const total = results.reduce((sum, result) => sum + result.imports.length, 0);
  io.out(
    `${total} existing resource${total === 1 ? '' : 's'} to adopt in ${results.filter((result) => result.imports.length).length} of ${results.length} stacks\n`,
  );
  const unlisted = unlistedPeople(loaded.model, sources.actual);
  if (unlisted.length) {
    io.out(
      `\n# ${unlisted.length} ${unlisted.length === 1 ? 'person exists' : 'people exist'} but ${unlisted.length === 1 ? 'is' : 'are'} not in people.yaml: a starting point (fill in name, e-mail or login, roles and start)\n`,
    );
    const entries = unlisted.map((person) => ({
      id: person.id,
      name: 'TODO',
      email: person.email ?? 'TODO',
      github: person.github ?? 'TODO',
      roles: person.roles,
      start: loaded.asOf,
    }));
    io.out(stringify({ people: entries }, { lineWidth: 0 }));
    for (const person of unlisted) for (const seen of person.seen) io.out(`# ${person.id}: ${seen}\n`);
  }
  return EXIT.ok;
}

/** The synthesized stacks under DIR/stacks, read from each `cdk.tf.json`. */
function readStacks(cwd: string, synthDir: string, problems: Problem[]): SynthesizedStack[] {
  const hint = 'run `npx cdktf synth` first, or name its output with --synth-dir';
  let names: string[];
  try {
    names = readdirSync(resolve(cwd, synthDir, 'stacks'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    problems.push({ severity: 'error', file: `${synthDir}/stacks`, line: 1, column: 1, message: 'no synthesized stacks here', hint });
    return [];
  }
  return names.flatMap((name) => {
    const file = `${synthDir}/stacks/${name}/cdk.tf.json`;
    const read = readExportFile(cwd, join(synthDir, 'stacks', name, 'cdk.tf.json'), problems, hint, file);
    if (!read) return [];
    try {
      return [synthesizedStack(name, JSON.parse(read.text) as unknown)];
    } catch {
      problems.push({ severity: 'error', file, line: 1, column: 1, message: 'not JSON', hint });
      return [];
    }
  });
}
