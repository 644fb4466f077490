import type { CapabilityFile } from '../../schema';
import type { ActionCatalog } from '../iam/action-catalog';
import { computeRisk } from '../iam/risk';
import { checkRiskAcceptance, describeReason, type RiskFinding } from '../iam/risk-acceptance';
import { riskRank, type ComputedRisk, type RiskReason } from '../iam/risk-types';
import { compareText } from '../../util/compare-text';
import type { Risk, RiskAcceptance } from '../types';

/**
 * The computed risk of a capability: its AWS grants over all its accounts, and its GitHub repository
 * permissions (`admin` high, `maintain` medium).
 */
export function computedRiskOf(capability: CapabilityFile, catalog: ActionCatalog): ComputedRisk {
  // The check and the model both rate every capability: once per capability object and catalog.
  let byCapability = computed.get(catalog);
  if (!byCapability) computed.set(catalog, (byCapability = new WeakMap()));
  let risk = byCapability.get(capability);
  if (risk === undefined) byCapability.set(capability, (risk = rateByContent(capability, catalog)));
  return risk;
}

const computed = new WeakMap<ActionCatalog, WeakMap<CapabilityFile, ComputedRisk>>();

// By what the rating reads, so that the other revision of a diff, where capabilities.yaml was read into
// new objects, rates only the capabilities whose grants changed.
const byContent = new WeakMap<ActionCatalog, Map<string, ComputedRisk>>();

function rateByContent(capability: CapabilityFile, catalog: ActionCatalog): ComputedRisk {
  let cache = byContent.get(catalog);
  if (!cache) byContent.set(catalog, (cache = new Map()));
  const key = JSON.stringify([capability.aws, capability.github?.repositories ?? []]);
  let risk = cache.get(key);
  if (risk === undefined) {
    if (cache.size > 100_000) cache.clear();
    cache.set(key, (risk = rate(capability, catalog)));
  }
  return risk;
}

function rate(capability: CapabilityFile, catalog: ActionCatalog): ComputedRisk {
  const aws = computeRisk(
    {
      statements: capability.aws.flatMap((grant) => grant.statements),
      access: capability.aws.flatMap((grant) => grant.access),
      managedPolicies: capability.aws.flatMap((grant) => grant.managedPolicies),
    },
    catalog,
  );
  const github = githubReasons(capability.github?.repositories ?? []);
  if (github.length === 0) return aws;
  const reasons = [...github, ...aws.reasons].sort((a, b) => riskRank(b.level) - riskRank(a.level));
  const level = reasons[0]?.level ?? 'low';
  return { ...aws, level: riskRank(level) > riskRank(aws.level) ? level : aws.level, reasons };
}

/** How rolecall rates GitHub repository permissions; the others (pull, triage, push) are low. */
const REPOSITORY_RATINGS: readonly (Pick<RiskReason, 'category' | 'level' | 'why'> & { readonly permission: string })[] = [
  {
    permission: 'admin',
    category: 'repository-admin',
    level: 'high',
    why: 'can change settings, collaborators and branch protection, and delete or transfer the repository',
  },
  {
    permission: 'maintain',
    category: 'repository-maintain',
    level: 'medium',
    why: 'can change repository settings and push to unprotected branches',
  },
];

/** Risk reasons of GitHub repository permissions, one per rated permission held. */
function githubReasons(repositories: readonly { readonly name: string; readonly permission: string }[]): RiskReason[] {
  return REPOSITORY_RATINGS.flatMap(({ permission, ...rating }) => {
    const names = repositories.filter((repository) => repository.permission === permission).map((repository) => repository.name);
    return names.length === 0 ? [] : [{ ...rating, actions: [`github:${permission}`], resources: names.sort(compareText) }];
  });
}

/**
 * A capability's declared, computed and accepted risk, with the reasons in words. `accepted` is its
 * acceptance as the model carries it (`acceptanceOf`: with where it is written).
 */
export function computeCapabilityRisk(capability: CapabilityFile, catalog: ActionCatalog, accepted?: RiskAcceptance): Risk {
  const computed = computedRiskOf(capability, catalog);
  const declared = typeof capability.risk === 'string' ? capability.risk : capability.risk.level;
  const level = riskRank(declared) >= riskRank(computed.level) ? declared : computed.level;
  return {
    level,
    declared,
    computed: computed.level,
    ...(accepted ? { accepted } : {}),
    reasons: computed.reasons.map(describeReason),
    conditions: (computed.conditions ?? []).map((note) => ({ ...note })),
  };
}

/** Findings when the computed risk is high and not accepted, or higher than declared. */
export function checkCapabilityRisk(capability: CapabilityFile, catalog: ActionCatalog): RiskFinding[] {
  return checkRiskAcceptance(capability.risk, computedRiskOf(capability, catalog));
}
