export { mergeActual, type ActualPiece } from './merge-actual';
export { readAuthorizationDetails } from './read-authorization-details';
export { readGithubExport } from './read-github-export';
export { readIdentityCenter, readLastAccessed, readPagerdutyUsers } from './read-small-exports';
export { readTerraformState } from './read-terraform-state';
