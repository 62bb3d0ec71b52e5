import { applyDecorators } from '@nestjs/common';
import { IsNumber, Max, Min, ValidateBy, type ValidationOptions } from 'class-validator';
import { isVillageCode, regionLevelOf, validateCreditCode, validateIdNumber, validateMobile, type RegionLevel, type ValidationResult } from '@zaogong/shared';
import { isKnownTownCode, isKnownVillageCode, knownRegionLevel } from './known-regions';

/**
 * class-validator decorators over the validators in libs/shared, so the API and the mini-app judge
 * input by the same rules. Each message is the shared validator's own Chinese reason.
 */
function bySharedValidator(name: string, validate: (v: unknown) => ValidationResult, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (v: unknown) => validate(v).ok,
        defaultMessage: (args) => {
          const r = validate(args?.value);
          return r.ok ? '' : r.message;
        },
      },
    },
    options,
  );
}

export function IsIdNumber(options?: ValidationOptions): PropertyDecorator {
  return bySharedValidator('isIdNumber', validateIdNumber, options);
}

export function IsMobile(options?: ValidationOptions): PropertyDecorator {
  return bySharedValidator('isMobile', validateMobile, options);
}

/** 统一社会信用代码 with its check character (GB 32100). */
export function IsCreditCode(options?: ValidationOptions): PropertyDecorator {
  return bySharedValidator('isCreditCode', validateCreditCode, options);
}

/** The shape first (the shared validator), then the reference data: a well-formed code that names no place is refused too. */
function regionMessage(v: unknown, shapeOk: (v: unknown) => boolean, shape: string, what: string): string {
  return shapeOk(v) ? `没有这个${what}：${String(v)}，请从列表中选择` : shape;
}

/** A real 村居 of the district (12 digits). */
export function IsDistrictVillageCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isDistrictVillageCode', validator: { validate: isKnownVillageCode, defaultMessage: (args) => regionMessage(args?.value, isVillageCode, '应为山亭区内12位村居代码', '村居') } },
    options,
  );
}

/** A real 镇街 of the district (9 digits). */
export function IsDistrictTownCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isDistrictTownCode', validator: { validate: isKnownTownCode, defaultMessage: (args) => regionMessage(args?.value, (v) => regionLevelOf(v) === 'town', '应为山亭区内9位镇街代码', '镇街') } },
    options,
  );
}

/** The district itself, one of its 镇街 or one of its 村居 (6, 9 or 12 digits), as it really exists. */
export function IsDistrictRegionCode(levels: readonly RegionLevel[] = ['district', 'town', 'village'], options?: ValidationOptions): PropertyDecorator {
  const names = levels.map((l) => ({ district: '山亭区(370406)', town: '镇街(9位)', village: '村居(12位)' })[l]).join('、');
  return ValidateBy(
    {
      name: 'isDistrictRegionCode',
      validator: {
        validate: (v: unknown) => levels.includes(knownRegionLevel(v) as RegionLevel),
        defaultMessage: (args) => regionMessage(args?.value, (v) => levels.includes(regionLevelOf(v) as RegionLevel), `应为${names}的代码`, '地区'),
      },
    },
    options,
  );
}

/** A latitude near 山亭区 (the district lies about 34.9–35.3°N); farther is a typing or picking mistake. */
export function IsDistrictLatitude(): PropertyDecorator {
  return applyDecorators(IsNumber({}, { message: '应为纬度数字' }), Min(34, { message: '位置不在山亭区附近' }), Max(36, { message: '位置不在山亭区附近' }));
}

/** A longitude near 山亭区 (about 117.2–117.8°E). */
export function IsDistrictLongitude(): PropertyDecorator {
  return applyDecorators(IsNumber({}, { message: '应为经度数字' }), Min(116, { message: '位置不在山亭区附近' }), Max(119, { message: '位置不在山亭区附近' }));
}

/** Why a { 镇街代码: 目标数 } map is wrong, or null when it is right. */
export function townTargetsProblem(value: unknown, max = 1_000_000): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '应为 { 镇街代码: 目标数 }';
  for (const [code, target] of Object.entries(value)) {
    if (!isKnownTownCode(code)) return `${code} 不是山亭区的镇街代码`;
    if (typeof target !== 'number' || !Number.isInteger(target)) return `${code} 的目标应为整数`;
    if (target < 0) return `${code} 的目标不能为负数`;
    if (target > max) return `${code} 的目标数目过大`;
  }
  return null;
}

/** Targets by 镇街: real 镇街 codes as keys, whole non-negative numbers as values. */
export function IsTownTargets(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isTownTargets', validator: { validate: (v: unknown) => townTargetsProblem(v) === null, defaultMessage: (args) => townTargetsProblem(args?.value) ?? '' } }, options);
}
