import fc from 'fast-check';
import { loadActionCatalog } from '../../../src/pipeline/action-catalog';
import { compileForGroup, placeAccess, placeStatement, type AccessGrant, type Statement } from '../../../src/model/iam';
import type { AccessLevel } from '../../../src/schema';
import { oracleCanActOn } from '../../helpers/arn-oracle';

const catalog = loadActionCatalog();

const RESOURCES = [
  '*',
  'arn:aws:s3:::logs',
  'arn:aws:s3:::logs/*',
  'arn:aws:s3:::*',
  'arn:aws:eks:eu-west-1:111111111111:cluster/*',
  'arn:aws:eks:eu-west-1:111111111111:nodegroup/main/*',
  'arn:aws:logs:eu-west-1:111111111111:log-group:*',
  'arn:aws:logs:eu-west-1:111111111111:log-group:/aws/app:*',
  'arn:aws:iam::111111111111:role/app/*',
  'arn:aws:iam::111111111111:policy/*',
  'arn:aws:secretsmanager:eu-west-1:111111111111:secret:ci/*',
  'arn:aws:dynamodb:eu-west-1:111111111111:table/orders',
  'arn:aws:ec2:eu-west-1:111111111111:instance/*',
  'arn:aws:codebuild:eu-west-1:111111111111:project/*',
  'arn:aws:ecr:eu-west-1:111111111111:repository/*',
  'arn:aws:sns:eu-west-1:111111111111:alerts-*',
];
const SERVICES = ['s3', 'eks', 'logs', 'iam', 'secretsmanager', 'dynamodb', 'ec2', 'codebuild', 'ecr', 'sns'];
const LEVELS: AccessLevel[] = ['list', 'read', 'write', 'tagging', 'permissions'];
const ACTIONS = SERVICES.flatMap((service) => (catalog.actions(service) ?? []).map((action) => `${service}:${action.name}`));

const resources = fc.uniqueArray(fc.constantFrom(...RESOURCES), { minLength: 1, maxLength: 4 });
const accessGrant: fc.Arbitrary<AccessGrant> = fc.record({
  service: fc.constantFrom(...SERVICES),
  levels: fc.uniqueArray(fc.constantFrom(...LEVELS), { minLength: 1, maxLength: 3 }),
  resources,
  except: fc.constant([]),
  wildcardOnly: fc.constantFrom('include' as const, 'omit' as const),
});
const statement: fc.Arbitrary<Statement> = fc.record({
  effect: fc.constant('Allow' as const),
  actions: fc.uniqueArray(fc.constantFrom(...ACTIONS), { minLength: 1, maxLength: 8 }),
  resources,
});

describe('placement, for random access grants and statements', () => {
  it('compiles only statements whose every action has a resource that can name one of its types', () => {
    fc.assert(
      fc.property(fc.array(accessGrant, { maxLength: 3 }), fc.array(statement, { maxLength: 3 }), (grants, statements) => {
        const placed = [
          ...grants.flatMap((grant) => placeAccess(grant, catalog).statements),
          ...statements.flatMap((written) => placeStatement(written, catalog).statements),
        ];
        const compiled = compileForGroup(placed, [], { inlineChars: 1_000_000, managedPolicyChars: 1_000_000, managedPolicies: 1_000 });
        if (!compiled.ok) throw new Error(compiled.error.message);
        const documents = [compiled.value.inline, ...compiled.value.managed].flatMap((policy) => (policy ? [policy.document] : []));
        for (const compiledStatement of documents.flatMap((document) => document.Statement)) {
          for (const action of compiledStatement.Action) {
            const usable = compiledStatement.Resource.some((resource) => oracleCanActOn(catalog, action, resource));
            if (!usable) throw new Error(`${action} has no usable resource in ${JSON.stringify(compiledStatement.Resource)}`);
          }
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('never grants an action on a resource the written statement did not give it, and loses no usable pair', () => {
    fc.assert(
      fc.property(statement, (written) => {
        const placed = placeStatement(written, catalog);
        for (const part of placed.statements) {
          for (const action of part.actions) expect(written.actions).toContain(action);
          for (const resource of part.resources) expect(written.resources).toContain(resource);
        }
        for (const action of written.actions) {
          for (const resource of written.resources) {
            const kept = placed.statements.some((part) => part.actions.includes(action) && part.resources.includes(resource));
            expect(kept).toBe(oracleCanActOn(catalog, action, resource));
          }
        }
      }),
      { numRuns: 150, seed: 11 },
    );
  });
});
