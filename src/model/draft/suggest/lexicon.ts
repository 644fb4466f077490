/**
 * The words `jd draft` and the coverage rules read duties with. Data, not code: each list says what it is
 * for, and the matcher (`suggest-capabilities.ts`) only applies them.
 */

/**
 * Names of the same thing, written as text (folded and stemmed like everything else before use). The first
 * of a group is what every other becomes, in duties and catalog keywords alike.
 */
export const SYNONYMS: readonly (readonly string[])[] = [
  ['kubernetes', 'k8s', 'eks', 'kube'],
  ['mongodb', 'mongo'],
  ['oncall', 'on-call', 'on call', 'pager', 'pagerduty', 'paging', 'pager rotation', 'out of hours rotation'],
  ['postgresql', 'postgres', 'psql'],
  ['terraform', 'tf', 'opentofu'],
  ['github', 'gh'],
  ['ci/cd', 'cicd', 'ci cd', 'continuous integration', 'continuous delivery', 'continuous deployment', 'ci pipeline', 'cd pipeline'],
  ['alert', 'alarm', 'alerting'],
  ['monitoring', 'monitor'],
  ['infrastructure as code', 'iac'],
  ['incident', 'outage'],
  ['runbook', 'playbook'],
  ['database', 'db', 'datastore'],
];

/**
 * Phrases whose words say nothing about access, removed before keywords are matched: "problem statement"
 * is not Terraform state, a "primary goal" is not the primary on-call rotation, "state of the art" is no
 * state at all, and supporting developers in "the production environment" applies nothing to it.
 */
export const NEGATIVE_PHRASES: readonly string[] = [
  'problem statement',
  'mission statement',
  'vision statement',
  'statement of work',
  'state of the art',
  'state of mind',
  'primary goal',
  'primary focus',
  'primary objective',
  'primary responsibility',
  'primary purpose',
  'primary aim',
  'primary contact',
  'primary point of contact',
  'primary language',
  'primarily',
  'production environment',
  'production environments',
  'production readiness',
  'production ready',
  'production grade',
  'production quality',
  'production-like',
  'secondary goal',
  'secondary focus',
  'secondary school',
  'code of conduct',
  'code review culture',
  'in good state',
  'apply for',
  'apply now',
  'import export',
  'security clearance',
  'security mindset',
  'cloud native mindset',
];

/**
 * Keywords that name an environment or a broad area rather than a system: they add to a suggestion that
 * names a system, and never make one on their own.
 */
export const GENERIC_WORDS: readonly string[] = [
  'production',
  'prod',
  'staging',
  'infrastructure',
  'primary',
  'secondary',
  'cluster',
  'service',
  'feature',
  'code',
  'test',
  'api',
  'backend',
  'cloud',
  'aws',
  'console',
  'aws account',
  'state',
  'plan',
  'apply',
  'build',
  'release',
  'index',
  'backup',
  'restore',
  'escalation',
  'page',
  'incident',
  'finding',
  'audit',
  'security',
  'compliance',
  'threshold',
  'debug',
  'investigate',
  'log',
  'metric',
  'workload',
  'pod',
  'database',
  'provision',
  'promote',
  'drift',
  'import',
  'service owner',
  'source code',
  'repository',
  'deploy',
  'deployment',
  'trace',
];

/**
 * Words that put a duty in one environment. A capability whose keywords name only one environment is not
 * suggested for a duty that names only the other.
 */
export const ENVIRONMENTS: Readonly<Record<string, readonly string[]>> = {
  staging: ['staging', 'stage', 'preprod', 'pre-production', 'test environment', 'sandbox'],
  production: ['production', 'prod', 'live'],
};
