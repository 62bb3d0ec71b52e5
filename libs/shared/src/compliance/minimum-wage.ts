import type { MinimumWage } from './types';

/**
 * 最低工资标准 used when the API is not told the district's figure: 山东省 第二档, 月 2010 元, 小时 20 元.
 * The figure in force is set in the API with MIN_WAGE_MONTHLY and MIN_WAGE_HOURLY and must follow the
 * current notice of 山东省人民政府 (关于公布全省最低工资标准的通知) and the 档 it gives 山亭区; the
 * mini-app reads it from GET /posts/compliance-settings rather than from here.
 */
export const DEFAULT_MINIMUM_WAGE: MinimumWage = { monthly: 2010, hourly: 20 };
