import { DISTRICT_NAME, regionLevelOf } from '@zaogong/shared';

/** 山亭区 for the whole district (no scope), a 镇街's name, or 镇街 + 村居 for a 村居. */
export function areaName(scope: string | null, names: Map<string, string>): string {
  if (!scope) return DISTRICT_NAME;
  const level = regionLevelOf(scope);
  if (level === 'village') return `${names.get(scope.slice(0, 9)) ?? ''}${names.get(scope) ?? scope}`;
  if (level === 'town') return names.get(scope) ?? scope;
  return DISTRICT_NAME;
}
