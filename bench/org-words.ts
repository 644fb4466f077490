/**
 * Word lists the organisation generator draws names from. Written for this generator: plausible, plain
 * ASCII, and free of anything that needs quoting in YAML or escaping in Markdown. The lists are kept packed, several
 * words to a line (`prettier-ignore`): they are data.
 */

/** Given names. */
// prettier-ignore
export const FIRST_NAMES = [
  'aaron', 'abena', 'adele', 'adrian', 'aiko', 'aisha', 'alba', 'alex', 'alina', 'amir', 'ana', 'anders',
  'andrea', 'anika', 'arjun', 'astrid', 'ayla', 'bao', 'beatriz', 'ben', 'bianca', 'bruno', 'camila',
  'carlos', 'carmen', 'chen', 'chidi', 'chloe', 'clara', 'dalia', 'daniel', 'dara', 'david', 'diego',
  'dmitri', 'ebony', 'elena', 'eli', 'elif', 'emeka', 'emil', 'emma', 'enzo', 'erik', 'esther', 'ewa',
  'farah', 'felix', 'fatima', 'fiona', 'freya', 'gabriel', 'grace', 'hamza', 'hana', 'hannah', 'hugo',
  'ibrahim', 'ida', 'ines', 'ingrid', 'isaac', 'ivan', 'jade', 'jakob', 'jana', 'javier', 'jin', 'joao',
  'jonas', 'julia', 'kai', 'kamal', 'karin', 'kavya', 'kenji', 'kofi', 'lara', 'lea', 'leila', 'leon',
  'lina', 'luca', 'lucia', 'magnus', 'maja', 'malik', 'marco', 'maria', 'marta', 'mei', 'mila', 'minh',
  'nadia', 'naomi', 'nia', 'nikolai', 'noah', 'nora', 'olga', 'omar', 'oskar', 'paula', 'pedro', 'priya',
  'rafael', 'rania', 'ravi', 'rosa', 'ruben', 'sara', 'selin', 'sofia', 'soren', 'tariq', 'tomas', 'una',
  'valentina', 'vera', 'victor', 'wen', 'yara', 'yusuf', 'zara', 'zoe',
] as const;

/** Family names. */
// prettier-ignore
export const LAST_NAMES = [
  'abara', 'achterberg', 'adeyemi', 'alvarez', 'andersen', 'aoki', 'arslan', 'bakker', 'banerjee', 'barros',
  'becker', 'bergstrom', 'bianchi', 'bondarenko', 'brennan', 'castillo', 'chaudhry', 'chen', 'costa',
  'dahl', 'delgado', 'demir', 'diallo', 'dubois', 'eriksen', 'esposito', 'farouk', 'ferreira', 'fischer',
  'fontaine', 'garcia', 'ghosh', 'gonzaga', 'gruber', 'haddad', 'halvorsen', 'hartmann', 'hoang', 'horvat',
  'ibarra', 'iyer', 'jansen', 'jovanovic', 'kaplan', 'karlsson', 'kato', 'keller', 'khan', 'kim', 'kowalski',
  'kruger', 'laine', 'larsen', 'lebedev', 'lindgren', 'lopez', 'macharia', 'mahlangu', 'marin', 'meyer',
  'molina', 'moreau', 'mwangi', 'nakamura', 'navarro', 'nguyen', 'nielsen', 'novak', 'nowak', 'obi',
  'oliveira', 'olsen', 'ortiz', 'osei', 'ozturk', 'park', 'patel', 'pereira', 'petrov', 'popescu',
  'quinn', 'rahman', 'ramos', 'reddy', 'reyes', 'richter', 'rossi', 'saito', 'santos', 'schmidt', 'sato',
  'silva', 'singh', 'sorensen', 'suzuki', 'tanaka', 'torres', 'tran', 'urbano', 'vargas', 'varga', 'vogel',
  'wagner', 'walsh', 'weber', 'wong', 'yamada', 'yilmaz', 'young', 'zhang', 'zimmermann',
] as const;

/** Product and platform areas; each team is named after one. */
// prettier-ignore
export const SYSTEMS = [
  'checkout', 'ledger', 'invoicing', 'payouts', 'pricing', 'catalog', 'search', 'recommendations',
  'inventory', 'fulfilment', 'shipping', 'returns', 'tracking', 'routing', 'dispatch', 'billing',
  'subscriptions', 'identity', 'accounts', 'onboarding', 'notifications', 'messaging', 'reviews',
  'loyalty', 'promotions', 'carts', 'orders', 'warehouse', 'procurement', 'forecasting', 'reporting',
  'analytics', 'experiments', 'feature-flags', 'payments', 'fraud', 'risk-scoring', 'compliance', 'audit-trail',
  'consent', 'documents', 'media', 'imaging', 'translations', 'support', 'helpdesk', 'chat', 'partner-api',
  'marketplace', 'sellers', 'suppliers', 'contracts', 'quotes', 'tax', 'currency', 'settlements',
  'reconciliation', 'treasury', 'payroll', 'scheduling', 'bookings', 'maps', 'geocoding', 'telemetry',
  'ingestion', 'streaming', 'lakehouse', 'ml-platform', 'edge', 'gateway', 'service-mesh', 'build-tools',
  'developer-portal', 'secrets-vault', 'observability', 'storage',
] as const;

/** Departments; each groups up to six teams. */
// prettier-ignore
export const DEPARTMENTS = [
  'commerce', 'logistics', 'finance', 'platform', 'data', 'growth', 'trust', 'partners', 'infrastructure',
  'customer', 'operations', 'productivity',
] as const;

/** Second halves of a team's repository names: `checkout-api`, `checkout-worker`. */
// prettier-ignore
export const REPOSITORY_SUFFIXES = [
  'api', 'worker', 'web', 'infra', 'terraform', 'helm-charts', 'runbooks', 'docs', 'schemas', 'client',
  'sdk', 'cli', 'admin', 'jobs', 'events', 'migrations', 'load-tests', 'e2e-tests', 'dashboards', 'alerts',
  'proto', 'gateway', 'consumer', 'producer', 'scheduler', 'importer', 'exporter', 'reports', 'mobile',
  'design', 'config', 'fixtures', 'benchmarks', 'playground', 'prototype', 'lambda', 'batch', 'stream',
  'cache', 'search-index', 'notebooks', 'models', 'backfill', 'audit', 'sandbox',
] as const;

/** Second halves of a department's shared repository names: `commerce-handbook`. */
// prettier-ignore
export const SHARED_REPOSITORY_SUFFIXES = [
  'handbook', 'libraries', 'design-system', 'adr', 'templates', 'ci-actions', 'codeowners', 'onboarding-guide',
  'style-guide', 'shared-config', 'golden-paths', 'incident-reviews', 'roadmap', 'tooling', 'test-utils',
  'api-guidelines', 'metrics-catalog', 'data-contracts', 'security-baseline', 'dev-containers',
] as const;

/** Disciplines; a team's roles are the first five of its own shuffle of them. */
// prettier-ignore
export const DISCIPLINES: readonly { readonly id: string; readonly title: string }[] = [
  { id: 'backend-engineer', title: 'Backend Engineer' },
  { id: 'frontend-engineer', title: 'Frontend Engineer' },
  { id: 'data-engineer', title: 'Data Engineer' },
  { id: 'engineering-manager', title: 'Engineering Manager' },
  { id: 'qa-engineer', title: 'Quality Engineer' },
  { id: 'mobile-engineer', title: 'Mobile Engineer' },
  { id: 'security-engineer', title: 'Security Engineer' },
  { id: 'ml-engineer', title: 'Machine Learning Engineer' },
  { id: 'product-analyst', title: 'Product Analyst' },
];

/** The discipline of a team's on-call role, always its first. */
export const ONCALL_DISCIPLINE = { id: 'site-reliability-engineer', title: 'Site Reliability Engineer' } as const;

/** First and second words of the generated organisation's name. */
// prettier-ignore
export const ORG_WORDS = [
  ['Tidewater', 'Larkspur', 'Harbourline', 'Ironbark', 'Bluefield', 'Copperleaf', 'Northgate', 'Saltmarsh'],
  ['Freight', 'Commerce', 'Systems', 'Logistics', 'Markets', 'Labs', 'Networks', 'Works'],
] as const;

/** The display form of a slug: `feature-flags` → `Feature Flags`. */
export function titleCase(slug: string): string {
  return slug
    .split('-')
    .map((word) => (word === 'api' || word === 'ml' ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}
