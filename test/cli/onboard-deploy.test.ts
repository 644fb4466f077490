import { loadModel } from '../../src/pipeline/load-model';
import { copyRoles, EXAMPLE_ROLES, type RolesCopy } from '../helpers/roles-dir';
import { runCli } from '../helpers/run-cli';
import { synthApp } from '../helpers/synth-app';

/**
 * The first job end to end, on a copy of the example org: `onboard`, then what each day's synth
 * provisions (nothing before the start, every stack from it, the rotation only after its ramp-up, the
 * same person on call as without the hire); `offboard --on` a past day, then no trace anywhere.
 */
const HIRE = 'ana-new';
const WEEK_MS = 7 * 86_400_000;

let copy: RolesCopy;
beforeAll(() => {
  copy = copyRoles(EXAMPLE_ROLES);
});
afterAll(() => copy.remove());

const synthOn = (date: string) => {
  const loaded = loadModel(copy.dir, date, 'roles');
  if (!loaded.model) throw new Error(loaded.problems.map((problem) => problem.message).join('\n'));
  return synthApp(loaded.model).files;
};
const stacksNaming = (files: ReadonlyMap<string, string>, id: string) =>
  [...files].filter(([, text]) => text.includes(id)).map(([stack]) => stack);

/** Who the synthesized Incident Manager rotation has on call at noon (Berlin, winter) of `date`. */
function onCall(files: ReadonlyMap<string, string>, rotation: string, date: string): string {
  const json = JSON.parse(files.get('oncall') ?? '{}') as {
    resource: { aws_ssmcontacts_rotation: Record<string, { start_time: string; contact_ids: string[] }> };
  };
  const found = json.resource.aws_ssmcontacts_rotation[rotation];
  if (!found) throw new Error(`no rotation ${rotation}`);
  const weeks = Math.floor((Date.parse(`${date}T12:00:00+01:00`) - Date.parse(found.start_time)) / WEEK_MS);
  const contact = found.contact_ids[weeks % found.contact_ids.length] ?? '';
  return /aws_ssmcontacts_contact\.([a-z0-9-]+)\.arn/.exec(contact)?.[1] ?? contact;
}

describe('onboard, deploy, offboard', () => {
  test('a hire is provisioned in every stack from their start, joins the rotation after its ramp-up, and moves no shift', async () => {
    const before = synthOn('2027-01-19');
    const added = await runCli([
      'onboard',
      '--id',
      HIRE,
      '--name',
      'Ana New',
      '--email',
      'ana.new@northwindlabs.example',
      '--github',
      'ana-new',
      '--role',
      'site-reliability-engineer',
      '--start',
      '2026-12-22',
      '--roles',
      copy.dir,
    ]);
    expect(added).toMatchObject({ code: 0, stderr: '' });

    expect(stacksNaming(synthOn('2026-12-21'), HIRE)).toEqual([]);
    const first = synthOn('2026-12-22');
    const provisioned = stacksNaming(first, HIRE);
    expect(provisioned).toEqual(expect.arrayContaining(['github', 'aws-prod', 'aws-staging']));
    // Ramping up: in no rotation yet (platform-primary has rampDays 28 and no shadow).
    expect(provisioned).not.toContain('oncall');

    expect(stacksNaming(synthOn('2027-01-18'), HIRE)).not.toContain('oncall');
    const joined = synthOn('2027-01-19');
    expect(stacksNaming(joined, HIRE)).toContain('oncall');
    expect(joined.get('oncall')).toMatch(new RegExp(`aws_ssmcontacts_contact\\.${HIRE}\\.arn`));
    // Who is on call this week and the next is the same with the hire as without.
    for (const date of ['2027-01-19', '2027-01-26'])
      expect(onCall(joined, 'platform-primary', date)).toBe(onCall(before, 'platform-primary', date));
  });

  test('offboarding on a past day removes the hire from every stack', async () => {
    expect(await runCli(['offboard', HIRE, '--on', '2027-02-15', '--roles', copy.dir])).toMatchObject({ code: 0 });
    expect(stacksNaming(synthOn('2027-02-15'), HIRE).length).toBeGreaterThan(0);
    expect(stacksNaming(synthOn('2027-02-16'), HIRE)).toEqual([]);
  });
});
