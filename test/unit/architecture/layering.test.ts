import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../../helpers/roles-dir';

/** Every .ts file under a src/ folder. */
function sources(folder: string): string[] {
  const root = join(PROJECT_ROOT, 'src', folder);
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : name.endsWith('.ts') ? [path] : [];
    });
  return walk(root);
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)/g)].map(
    (match) => match[1] ?? match[2] ?? '',
  );
}

// The pure layers: no cdktf, no provider, no file system, no clock, randomness or environment.
// A backend's constructs will live in its folder too; until then every backend part is pure.
const PURE = ['jd', 'schema', 'model', 'review', 'audit', 'util', 'backends'];
const FORBIDDEN_MODULES = [
  /^cdktf/,
  /^constructs/,
  /^@cdktf\//,
  /^(node:)?fs(\/|$)/,
  /^(node:)?child_process/,
  /\/load\/load-roles$/,
  /\/(cli|constructs|pipeline)\//,
];
const FORBIDDEN_CALLS = [/\bprocess\.env\b/, /\bDate\.now\(/, /\bnew Date\(\)/, /\bMath\.random\(/];

describe('layering', () => {
  it.each(PURE)('src/%s imports no cdktf, provider or fs, and reads no clock, randomness or environment', (folder) => {
    const offences: string[] = [];
    for (const file of sources(folder)) {
      const name = relative(PROJECT_ROOT, file);
      for (const module of imports(file))
        if (FORBIDDEN_MODULES.some((pattern) => pattern.test(module))) offences.push(`${name} imports ${module}`);
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const call of FORBIDDEN_CALLS) if (call.test(code)) offences.push(`${name} uses ${call.source}`);
    }
    expect(offences).toEqual([]);
  });

  // Imports flow one way: jd and schema, then load, then model and what is built on it.
  it.each([
    ['jd', ['load', 'model', 'review', 'audit', 'pipeline', 'cli', 'constructs']],
    ['schema', ['load', 'model', 'review', 'audit', 'pipeline', 'cli', 'constructs']],
    ['load', ['model', 'review', 'audit', 'pipeline', 'cli', 'constructs']],
  ])('src/%s imports nothing from the layers above it', (folder, above) => {
    const upward = new RegExp(`(^|/)(${(above as string[]).join('|')})/`);
    const offences = sources(folder as string).flatMap((file) =>
      imports(file)
        .filter((module) => module.startsWith('.') && upward.test(module))
        .map((module) => `${relative(PROJECT_ROOT, file)} imports ${module}`),
    );
    expect(offences).toEqual([]);
  });

  // Inside the model, one way too: the IAM toolkit and the layout first, the model built on them, its checks last.
  it.each([
    ['model/iam', ['build', 'check', 'layout', 'draft']],
    ['model/layout', ['build', 'check', 'draft', 'iam']],
    ['model/build', ['check', 'layout', 'draft']],
    ['model/draft', ['check', 'layout']],
  ])('src/%s imports nothing from the model folders built on it', (folder, above) => {
    const upward = new RegExp(`^\\.\\./(\\.\\./)?(model/)?(${(above as string[]).join('|')})/`);
    const offences = sources(folder as string).flatMap((file) =>
      imports(file)
        .filter((module) => upward.test(module))
        .map((module) => `${relative(PROJECT_ROOT, file)} imports ${module}`),
    );
    expect(offences).toEqual([]);
  });

  // A backend's schema part sits at the schema layer: src/schema spreads it into the files' schemas.
  it('keeps every backend schema part at the schema layer: zod and the shared schema pieces only', () => {
    const parts = sources('backends').filter((file) => /[\\/](schema|schemas)\.ts$/.test(file));
    expect(parts.length).toBeGreaterThan(0);
    const offences = parts.flatMap((file) =>
      imports(file)
        .filter((module) => module !== 'zod' && !/^\.\.\/\.\.\/schema\/common$/.test(module) && !/^\.\/[a-z-]+\/schema$/.test(module))
        .map((module) => `${relative(PROJECT_ROOT, file)} imports ${module}`),
    );
    const reachedFromSchema = sources('schema').flatMap((file) =>
      imports(file)
        .filter((module) => module.includes('/backends/') && !/\/backends\/([a-z-]+\/schema|schemas)$/.test(module))
        .map((module) => `${relative(PROJECT_ROOT, file)} imports ${module}`),
    );
    expect([...offences, ...reachedFromSchema]).toEqual([]);
  });

  it('keeps constructs free of model decisions: they import only model types', () => {
    const offences = sources('constructs').flatMap((file) =>
      imports(file)
        .filter((module) => /\/model\//.test(module) && !/\/model\/types$/.test(module))
        .map((module) => `${relative(PROJECT_ROOT, file)} imports ${module}`),
    );
    expect(offences).toEqual([]);
  });

  it('imports providers by deep path, never the barrel', () => {
    const files = [
      ...sources('constructs'),
      ...readdirSync(join(PROJECT_ROOT, 'stacks')).map((name) => join(PROJECT_ROOT, 'stacks', name)),
    ];
    const offences = files.flatMap((file) =>
      imports(file)
        .filter((module) => /^@cdktf\/provider-[a-z]+$/.test(module))
        .map((module) => `${relative(PROJECT_ROOT, file)} imports ${module}`),
    );
    expect(offences).toEqual([]);
  });
});
