import fc from 'fast-check';
import { loadRoles } from '../../../src/load/load-roles';
import { suggestCapabilities } from '../../../src/model/draft/suggest-capabilities';
import { ENVIRONMENTS, SYNONYMS } from '../../../src/model/draft/suggest/lexicon';
import { stem, wordsOf } from '../../../src/model/draft/suggest/words';
import { EXAMPLE_ROLES } from '../../helpers/roles-dir';

const catalog = loadRoles(EXAMPLE_ROLES, 'roles').bundle.capabilities.map((capability) => capability.value);
const ids = (text: string): string[] => suggestCapabilities(text, catalog).map((suggestion) => suggestion.capabilityId);

describe('suggestCapabilities on the example catalog', () => {
  it.each([
    ['It is important to document every decision', []],
    ['Write the problem statement for each project', []],
    ['Our primary goal is a calm platform', []],
    ['Help developers in the production environment', []],
    ['Creating state of the art tooling', []],
    ['Maintaining services', []],
  ])('suggests nothing for "%s" (no whole word, a negative phrase, or one generic word)', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it.each([
    ['Monitor the platform', ['observability-read']],
    ['Own the monitoring of the platform', ['observability-read']],
    ['Keep the mongo backups tested', ['mongodb-clusters-operate']],
    ['Be the primary pager holder for the platform', ['oncall-primary']],
    ['Build and curate the Grafana dashboards', ['observability-read']],
    ['Apply Terraform to production', ['iac-apply-prod']],
    ['Debug production workloads on the k8s clusters', ['eks-operate-prod']],
    ['Upgrade the kubernetes clusters in staging', ['eks-operate-staging']],
    ['Adding features to existing services', ['app-repos-contribute']],
  ])('suggests for "%s" by whole words, stems and synonyms', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it('scores a phrase above a word and a generic word below both, and reports what matched', () => {
    const [suggestion] = suggestCapabilities('Run the CI/CD pipelines and release the container image', catalog);
    expect(suggestion).toMatchObject({ capabilityId: 'ci-cd-pipelines', matched: ['ci/cd', 'container image', 'pipeline', 'release'] });
    expect(suggestion?.score).toBe(2 + 2.5 + 2 + 1);
  });

  it('keeps only suggestions that reach the threshold', () => {
    expect(suggestCapabilities('Keep production tidy', catalog, { threshold: 1 }).map((s) => s.capabilityId)).toEqual([
      'eks-operate-prod',
      'iac-apply-prod',
    ]);
    expect(suggestCapabilities('Keep production tidy', catalog)).toEqual([]);
  });

  it('does not depend on the order of the catalog', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...catalog], { minLength: catalog.length, maxLength: catalog.length }), (shuffled) => {
        const text = 'Plan and apply infrastructure changes in staging with Terraform, and join the on-call rotation';
        expect(suggestCapabilities(text, shuffled)).toEqual(suggestCapabilities(text, catalog));
      }),
      { numRuns: 50 },
    );
  });

  it('never throws, and suggests nothing for text without any catalog word', () => {
    // The catalog's words and every name the lexicon gives them ("tf" is Terraform).
    const written = [...catalog.flatMap((capability) => capability.keywords), ...SYNONYMS.flat(), ...Object.values(ENVIRONMENTS).flat()];
    const words = new Set(
      written
        .join(' ')
        .toLowerCase()
        .split(/[^a-z0-9]+/),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const suggestions = suggestCapabilities(text, catalog);
        // Words as the reader splits them: an apostrophe or backtick inside a word joins it ("G`h" is "gh").
        if (!wordsOf(text).some((word) => [...words].some((keyword) => keyword.length > 1 && word.startsWith(keyword.slice(0, 2))))) {
          expect(suggestions).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('stem', () => {
  it.each([
    ['monitoring', 'monitor'],
    ['monitored', 'monitor'],
    ['monitors', 'monitor'],
    ['clusters', 'cluster'],
    ['important', 'important'],
    ['statement', 'statement'],
    ['deployment', 'deployment'],
    ['running', 'run'],
    ['k8s', 'k8s'],
  ])('stems %s to %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});
