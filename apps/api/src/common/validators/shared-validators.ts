import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isVillageCode, regionLevelOf, validateIdNumber, validateMobile } from '@zaogong/shared';

/**
 * class-validator decorators over the validators in libs/shared, so the API and the mini-app judge
 * input by the same rules. Each message is the shared validator's own Chinese reason.
 */
export function IsIdNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIdNumber',
      validator: {
        validate: (v: unknown) => validateIdNumber(v).ok,
        defaultMessage: (args) => {
          const r = validateIdNumber(args?.value);
          return r.ok ? '' : r.message;
        },
      },
    },
    options,
  );
}

export function IsMobile(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMobile',
      validator: {
        validate: (v: unknown) => validateMobile(v).ok,
        defaultMessage: (args) => {
          const r = validateMobile(args?.value);
          return r.ok ? '' : r.message;
        },
      },
    },
    options,
  );
}

export function IsDistrictVillageCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isDistrictVillageCode', validator: { validate: (v: unknown) => isVillageCode(v), defaultMessage: () => '应为山亭区内12位村居代码' } }, options);
}

export function IsDistrictTownCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isDistrictTownCode', validator: { validate: (v: unknown) => regionLevelOf(v) === 'town', defaultMessage: () => '应为山亭区内9位镇街代码' } }, options);
}
