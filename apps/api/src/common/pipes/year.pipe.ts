import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';

/**
 * A year in a path (PUT /stats/targets/:year): four digits, 2020–2100. The service's first year of
 * records is 2020; past 2100 is a typing mistake.
 */
@Injectable()
export class YearParamPipe implements PipeTransform<string | number, number> {
  constructor(
    private readonly min = 2020,
    private readonly max = 2100,
  ) {}

  /** The global validation pipe may have made the path's text a number already (NaN when it was not one). */
  transform(value: string | number): number {
    const year = typeof value === 'number' ? value : /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (!(Number.isInteger(year) && year >= this.min && year <= this.max)) {
      const message = `年份应为${this.min}到${this.max}之间的四位数字`;
      throw new BadRequestException({ statusCode: 400, message, errors: [{ field: 'year', message }] });
    }
    return year;
  }
}
