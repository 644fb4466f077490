import type { TargetOf, TargetsPart } from '../types';

/** A GitHub grant per repository permission, per team rolecall creates and per existing team. */
export const githubTargets: TargetsPart<'github'> = {
  targets(capability) {
    const targets: [string, TargetOf<'github'>][] = [];
    for (const repository of capability.github?.repositories ?? []) {
      targets.push([
        `github:repo:${repository.name.toLowerCase()}`,
        { backend: 'github', kind: 'repository', repository: repository.name, permission: repository.permission },
      ]);
    }
    for (const team of capability.github?.teams ?? []) targets.push([`github:team:${team}`, { backend: 'github', kind: 'team', team }]);
    for (const team of capability.github?.existingTeams ?? []) {
      targets.push([`github:team:${team}`, { backend: 'github', kind: 'team', team, existing: true }]);
    }
    return targets;
  },
};
