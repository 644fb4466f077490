export { mergeActual, type ActualPiece } from './merge-actual';
export type { ActualFacts, SourceRead } from './json-source';
export { readAuthorizationDetails, type AuthorizationFacts } from './read-authorization-details';
export { readGithubExport, type GithubFacts } from './read-github-export';
export { readIdentityCenter, type IdentityCenterFacts } from './read-identity-center';
export { readLastAccessed, type LastAccessedFacts } from './read-last-accessed';
export { readPagerdutyUsers, type PagerdutyFacts } from './read-pagerduty-users';
export { readTerraformState, type StateFacts, type StateOptions } from './read-terraform-state';
