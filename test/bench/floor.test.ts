/**
 * The synthesis floor creates exactly the resources it is given, with literals of the given sizes, so
 * that counting its own output gives back its input.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countResources, synthFloor, type FloorCounts } from '../../bench/floor';

const COUNTS: FloorCounts = {
  stacks: {
    'aws-prod': {
      aws_iam_group: { count: 3, text: 30, items: 0 },
      aws_iam_group_policy: { count: 2, text: 3_000, items: 0 },
      aws_iam_user_group_membership: { count: 4, text: 40, items: 2 },
    },
    github: { github_team_members: { count: 2, text: 40, items: 12 } },
    oncall: { pagerduty_schedule: { count: 1, text: 37, items: 5 }, pagerduty_user: { count: 5, text: 40, items: 0 } },
  },
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolecall-floor-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('synthFloor', () => {
  it('creates the counted resources per stack, with lists and literals of the counted sizes', () => {
    synthFloor(COUNTS, dir);
    const counted = countResources(dir);
    expect(Object.keys(counted.stacks)).toEqual(['aws-prod', 'github', 'oncall']);
    for (const [stack, types] of Object.entries(COUNTS.stacks)) {
      for (const [type, expected] of Object.entries(types)) {
        const actual = counted.stacks[stack]?.[type];
        expect({ type, count: actual?.count, items: actual?.items }).toEqual({ type, count: expected.count, items: expected.items });
        expect(actual?.text).toBeGreaterThanOrEqual(expected.text);
        expect(actual?.text).toBeLessThan(expected.text + 100);
      }
    }
  });

  it('fails when a type has no resource class', () => {
    expect(() => synthFloor({ stacks: { aws: { aws_s3_bucket: { count: 1, text: 10, items: 0 } } } }, dir)).toThrow(
      'no resource class for aws_s3_bucket',
    );
  });
});
