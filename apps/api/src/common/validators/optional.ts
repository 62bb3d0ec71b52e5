import { applyDecorators, type Type } from '@nestjs/common';
// The one place allowed to import these two (eslint's no-restricted-imports sends every DTO here).
// eslint-disable-next-line no-restricted-imports
import { PartialType as SwaggerPartialType } from '@nestjs/swagger';
import { getMetadataStorage, ValidateBy, ValidateIf } from 'class-validator';

export const NULL_MESSAGE = '不能为 null';

/**
 * A field that may be left out. Unlike class-validator's @IsOptional, which skips every check for
 * null as well as for a missing field, null is refused (400): a service reading `dto.name ?? …`
 * would otherwise write null into a NOT NULL column (a 500) or erase a value nobody meant to erase.
 */
export function Optional(): PropertyDecorator {
  return applyDecorators(NotNull(), ValidateIf((_o: object, v: unknown) => v !== undefined));
}

/** null is refused with a message that says so (the field's other checks would say "应为文字" etc.). */
function NotNull(): PropertyDecorator {
  return ValidateBy({ name: 'isNotNull', validator: { validate: (v: unknown) => v !== null, defaultMessage: () => NULL_MESSAGE } });
}

/**
 * @nestjs/swagger's PartialType with the same rule: every field may be left out, none may be null
 * (its default, like @IsOptional, lets null through every check).
 */
export function PartialType<T>(classRef: Type<T>): Type<Partial<T>> {
  const partial = SwaggerPartialType(classRef, { skipNullProperties: false });
  const fields = new Set(getMetadataStorage().getTargetValidationMetadatas(classRef, '', true, false).map((m) => m.propertyName));
  for (const field of fields) NotNull()(partial.prototype as object, field);
  return partial;
}
