import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadModel } from '../../../src/pipeline/load-model';
import { EXAMPLE_ROLES } from '../../helpers/roles-dir';

/** The organisation against its own guards: what validate reports, where, and at which severity. */
const org = fs.readFileSync(path.join(EXAMPLE_ROLES, 'org.yaml'), 'utf8');
const people = fs.readFileSync(path.join(EXAMPLE_ROLES, 'people.yaml'), 'utf8');
const problemsWith = (guards: string, peopleText = people) =>
  loadModel(EXAMPLE_ROLES, '2026-11-22', 'roles', {
    texts: new Map([
      ['org.yaml', org.replace(/^oncall:/m, `guards:\n${guards}oncall:`)],
      ['people.yaml', peopleText],
    ]),
  })
    .problems.filter(
      (problem) =>
        problem.message.includes('break-glass') ||
        problem.message.includes('rotationMinMembers') ||
        problem.message.includes('unknown capability'),
    )
    .map((problem) => `${problem.file}:${problem.line}: ${problem.severity}: ${problem.message}`);

describe('validate against the guards', () => {
  it('refuses a break-glass entry that names no capability, at its position', () => {
    const problems = problemsWith('  breakGlass: [iac-apply-prod, break-everything]\n');
    expect(problems).toEqual([
      expect.stringMatching(/^roles\/org\.yaml:\d+: error: guards.breakGlass\[1\]: unknown capability "break-everything"$/),
    ]);
  });

  it('warns about a break-glass capability fewer than two people hold, and a rotation under its minimum', () => {
    const problems = problemsWith('  breakGlass: [oncall-database]\n  rotationMinMembers: 3\n');
    expect(problems).toEqual([
      expect.stringMatching(
        /^roles\/capabilities\.yaml:\d+: warning: rotations\[2\].id: rotation "database-oncall" has 2 active members on 2026-11-22; guards.rotationMinMembers is 3$/,
      ),
    ]);
    // Two of the three cloud engineers, the only holders, have left.
    const left = people
      .replace('    start: 2022-06-20\n', '    start: 2022-06-20\n    end: 2026-10-31\n')
      .replace('    start: 2026-10-05\n', '    start: 2026-10-05\n    end: 2026-11-01\n');
    expect(problemsWith('  breakGlass: [oncall-database]\n  rotationMinMembers: 1\n', left)).toEqual([
      expect.stringMatching(
        /^roles\/org\.yaml:\d+: warning: guards\.breakGlass\[0\]: break-glass capability "oncall-database" is held by only amara-okafor on 2026-11-22; at least 2 active people should hold it$/,
      ),
    ]);
  });
});
