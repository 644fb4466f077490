import { githubTeamSlug } from '../../../src/model/build/github-team-slug';

describe('githubTeamSlug', () => {
  // GitHub derives a team's slug from its name as Rails' `parameterize` does. The first rows are slugs
  // GitHub is documented or reported to give; the rest pin the rules down.
  it.each([
    ['Justice League', 'justice-league'],
    ['My TEam Näme', 'my-team-name'],
    ['platform_infra', 'platform_infra'],
    ['site-reliability-engineer', 'site-reliability-engineer'],
    ['SRE', 'sre'],
    ['  Platform  ', 'platform'],
    ['Platform -- Infra', 'platform-infra'],
    ['C++ & Go devs', 'c-go-devs'],
    ['v1.2 release.managers', 'v1-2-release-managers'],
    ['Ops (EU)', 'ops-eu'],
    ['Ærø Straße', 'aero-strasse'],
    ['Łódź Crew', 'lodz-crew'],
    ['Crème brûlée', 'creme-brulee'],
    ['a__b', 'a__b'],
    ['_x_', '_x_'],
    ['-edge-', 'edge'],
    ['日本チーム', ''],
    ['!!!', ''],
  ])('gives %j the slug %j', (name, slug) => {
    expect(githubTeamSlug(name)).toBe(slug);
  });

  it('gives every kebab-case id itself, so a team named after its role id keeps the role id as slug', () => {
    for (const id of ['cloud-engineer', 'k8s-reviewers', 'a1-b2-c3']) expect(githubTeamSlug(id)).toBe(id);
  });
});
