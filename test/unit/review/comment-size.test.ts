import { loadActionCatalog } from '../../../src/pipeline/action-catalog';
import { loadModel } from '../../../src/pipeline/load-model';
import { checkGate, diffModels, GITHUB_COMMENT_LIMIT, renderMarkdown } from '../../../src/review';
import { addDays } from '../../../src/util/calendar-date';
import { commentShapeProblems } from '../../helpers/comment-shape';
import { copyRoles, VALID_FIXTURE } from '../../helpers/roles-dir';

/**
 * A large change still makes a comment GitHub accepts: 500 hires, each a block of their own (their own
 * start date, login and e-mail), in every role of the fixture, cut below 65,536 characters with a
 * count of what is left out and where it is, and every table as readable as a small change's.
 */
const AS_OF = '2026-11-22';
const HIRES = 500;

it(`keeps the comment of ${HIRES} hires under GitHub's limit, whole blocks only, saying how many changes it left out`, () => {
  const copy = copyRoles(VALID_FIXTURE);
  try {
    const base = loadModel(copy.dir, AS_OF, 'roles').model;
    if (!base) throw new Error('test setup: the fixture is invalid');
    const roles = base.roles.map((role) => role.id);
    const hires = Array.from({ length: HIRES }, (_, index) => {
      const id = `hire-${String(index).padStart(3, '0')}`;
      return `  - id: ${id}\n    name: Hire ${index}\n    email: ${id}@hire.example\n    github: ${id}\n    roles: [${roles[index % roles.length] ?? ''}]\n    start: ${addDays(AS_OF, -index)}\n    oncallOptOut: {reason: A generated hire kept out of the rotations (Incident Manager caps them at 30 contacts).}\n`;
    });
    copy.write('people.yaml', `${copy.read('people.yaml').trimEnd()}\n${hires.join('')}`);
    const loaded = loadModel(copy.dir, AS_OF, 'roles');
    if (!loaded.model)
      throw new Error(`test setup: ${JSON.stringify(loaded.problems.filter((problem) => problem.severity === 'error').slice(0, 3))}`);
    const head = loaded.model;
    const diff = diffModels(base, head, { catalog: loadActionCatalog() });
    expect(diff.people).toHaveLength(HIRES);
    const markdown = renderMarkdown({ base: { ref: 'main' }, head: { ref: 'working tree' }, diff, gate: checkGate(diff, 'high') });
    expect(markdown.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    const cut =
      /\*\*(\d+) more changes not shown\*\* to stay under GitHub's 65,536-character comment limit \((\d+) groups of people with the same changes\): see the job summary or the JSON artifact/.exec(
        markdown,
      );
    const shown = markdown.match(/<details>/g)?.length ?? 0;
    expect(Number(cut?.[2])).toBe(HIRES - shown);
    expect(markdown.match(/<\/details>/g)?.length).toBe(shown);
    expect(commentShapeProblems(markdown, 'high')).toEqual([]);
  } finally {
    copy.remove();
  }
});
