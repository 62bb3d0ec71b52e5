import type { WageUnit } from '../enums/job-posting';

/** 月计薪天数 (人社部: 365 − 104 weekend days, averaged over 12 months). */
export const PAID_DAYS_PER_MONTH = 21.75;
export const HOURS_PER_DAY = 8;

/**
 * A wage in 元/月 equivalent, so posts paid by the day, hour or month can be filtered together.
 * Piece rates have no honest monthly equivalent: null.
 */
export function monthlyEquivalent(amount: number, unit: WageUnit): number | null {
  switch (unit) {
    case 'month':
      return amount;
    case 'day':
      return Math.round(amount * PAID_DAYS_PER_MONTH);
    case 'hour':
      return Math.round(amount * HOURS_PER_DAY * PAID_DAYS_PER_MONTH);
    case 'piece':
      return null;
  }
}
