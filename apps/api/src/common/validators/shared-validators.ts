import { applyDecorators } from '@nestjs/common';
import { IsNumber, Max, Min, ValidateBy, type ValidationOptions } from 'class-validator';
import { isVillageCode, regionLevelOf, validateCreditCode, validateIdNumber, validateMobile, type ValidationResult } from '@zaogong/shared';

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

export function IsDistrictVillageCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isDistrictVillageCode', validator: { validate: (v: unknown) => isVillageCode(v), defaultMessage: () => '应为山亭区内12位村居代码' } }, options);
}

export function IsDistrictTownCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isDistrictTownCode', validator: { validate: (v: unknown) => regionLevelOf(v) === 'town', defaultMessage: () => '应为山亭区内9位镇街代码' } }, options);
}

/** A latitude near 山亭区 (the district lies about 34.9–35.3°N); farther is a typing or picking mistake. */
export function IsDistrictLatitude(): PropertyDecorator {
  return applyDecorators(IsNumber({}, { message: '应为纬度数字' }), Min(34, { message: '位置不在山亭区附近' }), Max(36, { message: '位置不在山亭区附近' }));
}

/** A longitude near 山亭区 (about 117.2–117.8°E). */
export function IsDistrictLongitude(): PropertyDecorator {
  return applyDecorators(IsNumber({}, { message: '应为经度数字' }), Min(116, { message: '位置不在山亭区附近' }), Max(119, { message: '位置不在山亭区附近' }));
}
