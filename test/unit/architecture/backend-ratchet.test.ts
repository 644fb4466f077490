import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../../helpers/roles-dir';

/**
 * The core should name no backend: what differs per backend is a part of the backend
 * (`src/backends/<name>/`, listed in a registry). Until every part has moved, the files that still
 * switch on a backend or a grant's kind are listed here with how often they do. A new switch fails
 * this test (give the backend a part instead); removing one fails it too, until its count is lowered,
 * so the list only ever shrinks.
 */
const STILL_SWITCHING: Readonly<Record<string, number>> = {
  'src/audit/rules/unused-service.ts': 1,
  'src/audit/run-audit.ts': 1,
  'src/cli/format-packet.ts': 3,
  'src/model/build/build-github-state.ts': 2,
  'src/model/build/build-oncall-state.ts': 3,
  'src/model/check/check-aws-targets.ts': 1,
  'src/model/check/check-model.ts': 1,
  'src/model/check/model-buildable.ts': 1,
  'src/review/access-set.ts': 4,
  'src/review/effective-deny.ts': 1,
  'src/review/group-aws.ts': 1,
  'src/review/justification-changes.ts': 1,
  'stacks/oncall-stack.ts': 2,
};

const BACKENDS = '(aws|github|oncall|pagerduty|aws-incident-manager)';
const KINDS = '(policy|repository|team|rotation)';
const SWITCH = new RegExp(
  [`backend\\s*[!=]==?\\s*'${BACKENDS}'`, `case\\s+'${BACKENDS}'\\s*:`, `kind\\s*[!=]==?\\s*'${KINDS}'`, `case\\s+'${KINDS}'\\s*:`].join(
    '|',
  ),
  'g',
);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') ? [path] : [];
  });
}

it('keeps switches on a backend out of the core, and the list of files that still have one shrinking', () => {
  const found: Record<string, number> = {};
  for (const file of [...files(join(PROJECT_ROOT, 'src')), ...files(join(PROJECT_ROOT, 'stacks'))]) {
    const name = relative(PROJECT_ROOT, file);
    if (name.startsWith('src/backends/') || name.startsWith('src/constructs/')) continue;
    const count = readFileSync(file, 'utf8').match(SWITCH)?.length ?? 0;
    if (count > 0) found[name] = count;
  }
  expect(found).toEqual(STILL_SWITCHING);
});
