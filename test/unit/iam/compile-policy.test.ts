import fc from 'fast-check';
import { loadActionCatalog } from '../../../src/pipeline/action-catalog';
import {
  compileForGroup,
  compileForPermissionSet,
  expandWildcard,
  GROUP_INLINE_POLICY_CHARS,
  MANAGED_POLICY_CHARS,
  mergeStatements,
  PERMISSION_SET_INLINE_POLICY_CHARS,
  renderPolicy,
  type CompiledPolicy,
  type Statement,
} from '../../../src/model/iam';

const catalog = loadActionCatalog();
const ec2 = expandWildcard('ec2:*', catalog);
const s3 = expandWildcard('s3:*', catalog);

const allow = (actions: readonly string[], resources: readonly string[]): Statement => ({ effect: 'Allow', actions, resources });

/** `count` statements on distinct buckets, the first padded so the merged document is exactly `size` characters. */
function statementsOfSize(size: number, count = 3, actionsEach = 20): Statement[] {
  const build = (padding: number): Statement[] =>
    Array.from({ length: count }, (_, i) =>
      allow(s3.slice(i * actionsEach, (i + 1) * actionsEach), [`arn:aws:s3:::bucket-${i}${i === 0 ? 'x'.repeat(padding) : ''}/*`]),
    );
  const padding = size - renderPolicy(mergeStatements(build(0))).size;
  if (padding < 0) throw new Error(`cannot build ${size} characters from ${count} statements`);
  return build(padding);
}

const ok = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(`expected success, got ${result.error.message}`);
  return result.value;
};

const actionsOf = (policies: readonly CompiledPolicy[]): string[] =>
  policies.flatMap((policy) => policy.document.Statement.flatMap((statement) => [...statement.Action])).sort();

describe('compileForGroup', () => {
  it('keeps a policy of exactly 5,120 characters inline', () => {
    const value = ok(compileForGroup(statementsOfSize(GROUP_INLINE_POLICY_CHARS), []));
    expect(value.inline?.size).toBe(GROUP_INLINE_POLICY_CHARS);
    expect(value.inline?.json).toHaveLength(GROUP_INLINE_POLICY_CHARS);
    expect(value.managed).toEqual([]);
  });

  it('moves a policy of 5,121 characters into one customer managed policy', () => {
    const value = ok(compileForGroup(statementsOfSize(GROUP_INLINE_POLICY_CHARS + 1), []));
    expect(value.inline).toBeUndefined();
    expect(value.managed).toHaveLength(1);
    expect(value.managed[0]?.size).toBeLessThanOrEqual(MANAGED_POLICY_CHARS);
  });

  it('packs many statements into few managed policies of at most 6,144 characters', () => {
    const statements = Array.from({ length: 24 }, (_, i) =>
      allow(ec2.slice(i * 25, (i + 1) * 25), [`arn:aws:ec2:*:*:instance/team-${i}-*`]),
    );
    const total = renderPolicy(mergeStatements(statements)).size;
    const value = ok(compileForGroup(statements, []));
    expect(value.managed.every((policy) => policy.size <= MANAGED_POLICY_CHARS)).toBe(true);
    expect(value.managed.length).toBeLessThanOrEqual(Math.ceil(total / MANAGED_POLICY_CHARS) + 1);
    expect(actionsOf(value.managed)).toEqual(actionsOf([renderPolicy(mergeStatements(statements))]));
  });

  it('cuts a statement too big for one policy by its actions', () => {
    const value = ok(compileForGroup([allow(ec2, ['*'])], []));
    expect(value.managed.length).toBeGreaterThan(1);
    expect(value.managed.every((policy) => policy.size <= MANAGED_POLICY_CHARS)).toBe(true);
    expect(actionsOf(value.managed)).toEqual([...ec2].sort());
    const sids = value.managed.flatMap((policy) => policy.document.Statement.map((statement) => statement.Sid));
    expect(new Set(sids).size).toBe(sids.length);
  });

  it('cuts a statement by its resources when one action with all of them is too big', () => {
    const resources = Array.from({ length: 400 }, (_, i) => `arn:aws:s3:::bucket-with-a-long-name-${String(i).padStart(3, '0')}/*`);
    const value = ok(compileForGroup([allow(['s3:GetObject'], resources)], []));
    expect(value.managed.length).toBeGreaterThan(1);
    expect(value.managed.every((policy) => policy.size <= MANAGED_POLICY_CHARS)).toBe(true);
    expect(value.managed.flatMap((policy) => policy.document.Statement.flatMap((statement) => [...statement.Resource])).sort()).toEqual(
      resources,
    );
  });

  it('attaches existing managed policies de-duplicated and sorted', () => {
    const value = ok(
      compileForGroup(
        [allow(['s3:GetObject'], ['*'])],
        ['arn:aws:iam::aws:policy/b', 'arn:aws:iam::aws:policy/a', 'arn:aws:iam::aws:policy/b'],
      ),
    );
    expect(value.attachedManagedArns).toEqual(['arn:aws:iam::aws:policy/a', 'arn:aws:iam::aws:policy/b']);
    expect(value.inline?.json).toMatch(
      /^\{"Version":"2012-10-17","Statement":\[\{"Sid":"Allow[0-9A-F]{8}","Effect":"Allow","Action":\["s3:GetObject"\],"Resource":\["\*"\]\}\]\}$/,
    );
  });

  it('fails when customer managed policies and managed ARNs exceed 10 attachments', () => {
    const statements = [allow(ec2, ['*'])];
    const chunks = ok(compileForGroup(statements, [])).managed.length;
    const arns = Array.from({ length: 11 - chunks }, (_, i) => `arn:aws:iam::aws:policy/P${i}`);
    const result = compileForGroup(statements, arns);
    expect(result).toEqual({
      ok: false,
      error: {
        limit: 'group-managed-policies',
        measured: 11,
        allowed: 10,
        message: expect.stringMatching(
          new RegExp(
            `^the group needs 11 managed policy attachments \\(${chunks} customer managed policies for [\\d,]+ characters of statements plus ${11 - chunks} existing managed policies\\), more than the 10 IAM allows per group$`,
          ),
        ),
        hint: expect.stringContaining('split the role into more groups'),
      },
    });
  });

  it('fails when managed ARNs alone exceed 10 attachments', () => {
    const arns = Array.from({ length: 11 }, (_, i) => `arn:aws:iam::aws:policy/P${i}`);
    const result = compileForGroup([], arns);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toBe(
        'the group needs 11 managed policy attachments (11 existing managed policies), more than the 10 IAM allows per group',
      );
  });

  it('fails when one statement cannot be cut small enough', () => {
    const huge = {
      effect: 'Allow' as const,
      actions: ['s3:GetObject'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:PrincipalTag/x': 'y'.repeat(7000) } },
    };
    const result = compileForGroup([huge], []);
    expect(result).toMatchObject({ ok: false, error: { limit: 'managed-policy-size', allowed: MANAGED_POLICY_CHARS } });
  });

  it('compiles nothing to nothing', () => {
    expect(compileForGroup([], [])).toEqual({ ok: true, value: { managed: [], attachedManagedArns: [] } });
  });
});

describe('compileForPermissionSet', () => {
  it('keeps an inline policy of exactly 10,240 characters', () => {
    const value = ok(compileForPermissionSet(statementsOfSize(PERMISSION_SET_INLINE_POLICY_CHARS, 4, 60), []));
    expect(value.inline?.size).toBe(PERMISSION_SET_INLINE_POLICY_CHARS);
  });

  it('fails when the inline policy is 10,241 characters', () => {
    const result = compileForPermissionSet(statementsOfSize(PERMISSION_SET_INLINE_POLICY_CHARS + 1, 4, 60), []);
    expect(result).toEqual({
      ok: false,
      error: {
        limit: 'permission-set-inline-policy-size',
        measured: 10_241,
        allowed: 10_240,
        message: "the permission set's inline policy is 10,241 characters, more than the 10,240 IAM Identity Center allows",
        hint: expect.any(String),
      },
    });
  });

  it('fails when more than 20 managed policies are attached', () => {
    const arns = Array.from({ length: 21 }, (_, i) => `arn:aws:iam::aws:policy/P${i}`);
    expect(compileForPermissionSet([], arns)).toMatchObject({
      ok: false,
      error: { limit: 'permission-set-managed-policies', measured: 21, allowed: 20 },
    });
  });

  it('warns when more than 10 managed policies need a raised IAM quota', () => {
    const arns = Array.from({ length: 11 }, (_, i) => `arn:aws:iam::aws:policy/P${i}`);
    const value = ok(compileForPermissionSet([], arns));
    expect(value.inline).toBeUndefined();
    expect(value.warnings).toEqual([expect.stringContaining('raised above 10')]);
  });
});

describe('determinism', () => {
  const statementArb = fc.record({
    effect: fc.constantFrom<'Allow' | 'Deny'>('Allow', 'Deny'),
    actions: fc.subarray(ec2.slice(0, 300), { minLength: 1, maxLength: 120 }),
    resources: fc.subarray(['*', 'arn:aws:ec2:*:*:instance/a-*', 'arn:aws:ec2:*:*:instance/b-*', 'arn:aws:ec2:*:*:volume/*'], {
      minLength: 1,
    }),
  });
  const shuffle = <T>(values: readonly T[], seed: number): T[] => {
    const copy = [...values];
    let state = seed;
    for (let i = copy.length - 1; i > 0; i -= 1) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      const j = state % (i + 1);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  };

  it('compiles shuffled input to identical JSON', () => {
    fc.assert(
      fc.property(fc.array(statementArb, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 2 ** 30 }), (statements, seed) => {
        const shuffled = shuffle(statements, seed).map((statement) => ({
          ...statement,
          actions: shuffle(statement.actions, seed + 1),
          resources: shuffle(statement.resources, seed + 2),
        }));
        const json = (input: readonly Statement[]) => {
          const group = compileForGroup(input, ['arn:aws:iam::aws:policy/b', 'arn:aws:iam::aws:policy/a']);
          return JSON.stringify(group.ok ? [group.value.inline?.json, group.value.managed.map((policy) => policy.json)] : group.error);
        };
        expect(json(shuffled)).toBe(json(statements));
      }),
      { numRuns: 60 },
    );
  });

  it('never produces a managed policy over 6,144 characters', () => {
    fc.assert(
      fc.property(fc.array(statementArb, { minLength: 1, maxLength: 12 }), (statements) => {
        const result = compileForGroup(statements, []);
        if (result.ok) {
          expect(result.value.managed.every((policy) => policy.size <= MANAGED_POLICY_CHARS)).toBe(true);
          expect(result.value.inline === undefined || result.value.inline.size <= GROUP_INLINE_POLICY_CHARS).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
