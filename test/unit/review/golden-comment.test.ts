import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadActionCatalog } from '../../../src/pipeline/action-catalog';
import type { AccessModel } from '../../../src/model/types';
import { loadModel } from '../../../src/pipeline/load-model';
import { checkGate, diffModels, renderMarkdown } from '../../../src/review';
import { copyRoles, EXAMPLE_ROLES, PROJECT_ROOT, type RolesCopy } from '../../helpers/roles-dir';

// The pull-request comment people read, for a representative change of the example org. Regenerate on
// purpose with ROLECALL_UPDATE_GOLDEN=1 and review the file like code.
const GOLDEN = join(PROJECT_ROOT, 'test/golden/diff-comment.md');
const AS_OF = '2026-11-22';

function modelOf(edit: (copy: RolesCopy) => void): AccessModel {
  const copy = copyRoles(EXAMPLE_ROLES);
  try {
    edit(copy);
    const loaded = loadModel(copy.dir, AS_OF, 'roles');
    if (!loaded.model) throw new Error(`test setup: ${JSON.stringify(loaded.problems.filter((problem) => problem.severity === 'error'))}`);
    return loaded.model;
  } finally {
    copy.remove();
  }
}

it('renders the diff comment of a representative change as the golden file', () => {
  const base = modelOf(() => undefined);
  const head = modelOf((copy) => {
    // A hire, a widened capability, a renamed role, an accepted high-risk capability given to another
    // role, a contractor's end moved forward, and a duty dropped whose access a baseline now justifies.
    copy.edit(
      'people.yaml',
      /\s*$/,
      `\n\n  - id: zoe-novak\n    name: Zoe Novak\n    email: zoe.novak@northwindlabs.example\n    github: zoenovak\n    roles: [software-engineer]\n    start: 2026-10-05\n`,
    );
    copy.edit(
      'capabilities.yaml',
      'actions: [eks:UpdateNodegroupConfig, eks:UpdateNodegroupVersion]',
      'actions: [eks:UpdateNodegroupConfig, eks:UpdateNodegroupVersion, eks:DeleteNodegroup]',
    );
    copy.write('sre.yaml', copy.read('site-reliability-engineer.yaml').replace('id: site-reliability-engineer', 'id: sre'));
    copy.edit('people.yaml', /roles: \[site-reliability-engineer/g, 'roles: [sre');
    copy.edit('capabilities.yaml', /site-reliability-engineer\]/g, 'sre]');
    copy.edit(
      'platform-engineer.yaml',
      'baseline:\n',
      'baseline:\n  - capability: mongodb-clusters-operate\n    reason: Platform engineers restore the MongoDB replica sets when the SREs are paged out.\n',
    );
    copy.edit('capabilities.yaml', 'roles: [cloud-engineer, sre]', 'roles: [cloud-engineer, platform-engineer, sre]');
    copy.edit('people.yaml', 'end: 2027-03-31', 'end: 2026-12-31');
    copy.edit('software-engineer.yaml', /  - quote: Read logs, metrics and traces[^\n]*\n    capabilities: \[observability-read\]\n/, '');
    copy.edit(
      'software-engineer.yaml',
      'baseline:\n',
      'baseline:\n  - capability: observability-read\n    reason: Every engineer reads the dashboards of the services they change.\n',
    );
    rmSync(join(copy.dir, 'site-reliability-engineer.yaml'));
  });
  const diff = diffModels(base, head, { catalog: loadActionCatalog() });
  const markdown = renderMarkdown({
    base: { ref: 'main', commit: '4f460bf7d55e9c614b9fc5452f017f6738dd8c1b' },
    head: { ref: 'working tree' },
    diff,
    gate: checkGate(diff, 'high'),
  });
  if (process.env.ROLECALL_UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, markdown);
  expect(markdown).toBe(readFileSync(GOLDEN, 'utf8'));
});
