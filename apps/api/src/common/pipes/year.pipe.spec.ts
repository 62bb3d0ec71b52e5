import { BadRequestException } from '@nestjs/common';
import { YearParamPipe } from './year.pipe';

describe('YearParamPipe', () => {
  const pipe = new YearParamPipe();

  it.each([['2020', 2020], ['2026', 2026], ['2100', 2100], [2026, 2026]])('takes %j', (raw, year) => expect(pipe.transform(raw)).toBe(year));

  it.each(['2019', '2101', '20x6', '026', '02026', '2026.5', '', NaN, 2026.5, 1999])('refuses %j with a Chinese 400 naming the year', (raw) => {
    expect(() => pipe.transform(raw)).toThrow(BadRequestException);
    try {
      pipe.transform(raw);
    } catch (e) {
      expect((e as BadRequestException).getResponse()).toMatchObject({ statusCode: 400, errors: [{ field: 'year', message: '年份应为2020到2100之间的四位数字' }] });
    }
  });
});
