import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../helpers/roles-dir';

/**
 * The tree is formatted and linted as `npm run lint` checks it, so a change that forgets
 * `npm run format` fails here with the files and findings named.
 */
const CODE = ['{src,stacks,bench,test}/**/*.{ts,js}', 'bin/*.js', '*.{js,mjs}'];

function run(script: string, args: readonly string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules', script), ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

it('is formatted as Prettier writes it (npm run format)', () => {
  const { status, output } = run('prettier/bin/prettier.cjs', ['--list-different', ...CODE]);
  expect(output.trim()).toBe('');
  expect(status).toBe(0);
}, 60_000);

it('has no ESLint finding (npm run lint)', () => {
  const { status, output } = run('eslint/bin/eslint.js', ['--max-warnings', '0', '.']);
  expect(output.trim()).toBe('');
  expect(status).toBe(0);
}, 60_000);
