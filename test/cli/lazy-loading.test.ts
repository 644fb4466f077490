import { buildIfStale, runCliRecordingLoads } from '../helpers/loaded-modules';

// Issue 9: `rolecall --help` must start fast, so listing commands, printing a command's help and
// refusing a bad command line load none of the heavy packages; only the command that runs loads them.
const HEAVY_PACKAGES = [
  'yaml',
  'zod',
  'micromark*',
  'mdast*',
  'htmlparser2',
  'entities',
  '@cloud-copilot',
  'cdktf',
  'constructs',
  '@cdktf',
];

/** The heavy packages among `paths`, by name, sorted. */
function heavyPackages(paths: readonly string[]): string[] {
  const names = HEAVY_PACKAGES.map((name) => name.replace(/[.]/g, '\\.').replace('*', '[^\\\\/]*')).join('|');
  const pattern = new RegExp(`[\\\\/]node_modules[\\\\/](${names})[\\\\/]`);
  return [...new Set(paths.map((path) => pattern.exec(path)?.[1]).filter((name): name is string => name !== undefined))].sort();
}

beforeAll(() => {
  buildIfStale();
}, 120_000);

describe('the CLI loads only what the command runs', () => {
  it.each([
    [['--help'], 0],
    [[], 2],
    [['validate', '--help'], 0],
    [['explain', '--help'], 0],
    [['report', '--help'], 0],
    [['diff', '--help'], 0],
    [['jd', 'parse', '--help'], 0],
    [['jd', 'draft', '--help'], 0],
    [['schema', '--help'], 0],
    [['check-stacks', '--help'], 0],
    [['frobnicate'], 2],
    [['jd'], 2],
    [['validate', '--rolez', 'x'], 2],
  ])('rolecall %j loads no heavy package and no command implementation', (argv, exit) => {
    const run = runCliRecordingLoads(argv);
    expect(run.code).toBe(exit);
    expect(run.stdout + run.stderr).toMatch(/usage: rolecall/);
    expect(heavyPackages(run.loaded)).toEqual([]);
    expect(run.loaded.filter((path) => /[\\/]cli[\\/]commands[\\/][^\\/]+-run\.js$/.test(path))).toEqual([]);
  });

  it('still runs a real command, and the recording sees what it loads', () => {
    const run = runCliRecordingLoads(['validate']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^valid as of 2026-11-22: 4 roles, /);
    expect(run.code).toBe(0);
    // Each kind of load the probe must see: CommonJS (yaml, zod), an ESM-only package required from
    // CommonJS (mdast), and JSON read through fs (the IAM catalog).
    expect(heavyPackages(run.loaded)).toEqual(expect.arrayContaining(['@cloud-copilot', 'mdast-util-from-markdown', 'yaml', 'zod']));
  });
});
