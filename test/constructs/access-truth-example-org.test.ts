import { loadActionCatalog } from '../../src/pipeline/action-catalog';
import { loadModel } from '../../src/pipeline/load-model';
import { oracleCanActOn } from '../helpers/arn-oracle';
import { copyRoles, EXAMPLE_ROLES } from '../helpers/roles-dir';
import { synthApp } from '../helpers/synth-app';

const catalog = loadActionCatalog();

/** IAM allows a string or a list; the MFA policy's deny uses NotAction, which names no grant. */
interface PolicyJson {
  readonly Statement: readonly { readonly Action?: string | readonly string[]; readonly Resource?: string | readonly string[] }[];
}

const list = (value: string | readonly string[] | undefined): readonly string[] =>
  value === undefined ? [] : typeof value === 'string' ? [value] : value;

/** Every IAM policy document a synthesized stack holds (group inline, customer managed, permission set inline). */
function policiesOf(file: string): PolicyJson[] {
  const resources = (JSON.parse(file) as { resource?: Record<string, Record<string, Record<string, unknown>>> }).resource ?? {};
  const documents: string[] = [];
  for (const [type, attribute] of [
    ['aws_iam_group_policy', 'policy'],
    ['aws_iam_policy', 'policy'],
    ['aws_ssoadmin_permission_set_inline_policy', 'inline_policy'],
  ] as const) {
    for (const resource of Object.values(resources[type] ?? {})) documents.push(String(resource[attribute]));
  }
  // Terraform string escapes: `$${` is a literal `${` (IAM policy variables).
  return documents.map((document) => JSON.parse(document.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{')) as PolicyJson);
}

describe.each(['iam-groups', 'identity-center'])('the example org synthesized in %s mode: access as written', (mode) => {
  const copy = copyRoles(EXAMPLE_ROLES);
  if (mode === 'identity-center') copy.edit('org.yaml', 'mode: iam-groups', 'mode: identity-center');
  const loaded = loadModel(copy.dir, '2026-11-22', 'roles');
  copy.remove();
  if (!loaded.model) throw new Error(`example org invalid in ${mode} mode`);
  const files = synthApp(loaded.model).files;
  const policies = [...files.values()].flatMap(policiesOf);

  it('pins every AWS provider block of every stack to an account of org.yaml', () => {
    const ids = new Set(loaded.model?.aws.accounts.map((account) => account.id));
    const providers = [...files.values()].flatMap(
      (file) => (JSON.parse(file) as { provider?: { aws?: { allowed_account_ids?: string[] }[] } }).provider?.aws ?? [],
    );
    expect(providers.length).toBeGreaterThanOrEqual(2);
    for (const provider of providers) {
      expect(provider.allowed_account_ids).toHaveLength(1);
      expect(ids.has(provider.allowed_account_ids?.[0] ?? '')).toBe(true);
    }
  });

  it('has policies to look at', () => {
    expect(policies.length).toBeGreaterThan(4);
  });

  it('contains no dead grant: every action of every statement can act on one of its resources', () => {
    const dead: string[] = [];
    let pairs = 0;
    for (const statement of policies.flatMap((policy) => policy.Statement)) {
      const resources = list(statement.Resource);
      for (const action of list(statement.Action)) {
        pairs += 1;
        if (!resources.some((resource) => oracleCanActOn(catalog, action, resource))) dead.push(`${action} on ${resources.join(', ')}`);
      }
    }
    expect(pairs).toBeGreaterThan(300);
    expect(dead).toEqual([]);
  });
});
