import { runAudit } from '../../../src/audit/run-audit';
import { loadAuditModel } from '../../../src/pipeline/load-audit-model';
import { DEFAULT_AUDIT } from '../../../src/schema/audit';
import { EXAMPLE_ROLES } from '../../helpers/roles-dir';

const AS_OF = '2026-11-22';

function auditOf(dir: string, texts?: ReadonlyMap<string, string>) {
  const loaded = loadAuditModel(dir, AS_OF, 'roles');
  void texts;
  if (!loaded.model) throw new Error(loaded.problems.map((problem) => `${problem.file}:${problem.line}: ${problem.message}`).join('\n'));
  return runAudit({ model: loaded.model, bundle: loaded.bundle, config: loaded.bundle.org?.value.audit ?? { ...DEFAULT_AUDIT, suppressions: [] }, actual: { sources: [] }, brokenQuotes: loaded.brokenQuotes });
}

describe('audit of the example org, without exports', () => {
  it('runs', () => {
    const result = auditOf(EXAMPLE_ROLES);
    console.log(result.findings.map((finding) => `${finding.severity} ${finding.id}: ${finding.message}`).join('\n'));
    console.log(JSON.stringify(result.coverage));
  });
});
