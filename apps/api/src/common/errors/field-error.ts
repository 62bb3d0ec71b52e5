import { BadRequestException } from '@nestjs/common';

/** A 400 about one field, in the contract's shape: `{ statusCode, message, errors: [{ field, message }] }`. */
export function fieldError(field: string, message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, message, errors: [{ field, message }] });
}
