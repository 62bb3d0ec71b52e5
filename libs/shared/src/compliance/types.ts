import type { PostType, WageUnit } from '../enums/job-posting';

/** hard: the post is rejected with the reason; soft: the post goes to review with the flag shown. */
export type ComplianceSeverity = 'hard' | 'soft';

export type ComplianceCategory =
  | 'gender'
  | 'ethnicity'
  | 'hukou'
  | 'health'
  | 'marital'
  | 'age'
  | 'fee'
  | 'scam'
  | 'wage'
  | 'unclear_pay';

/** One thing the check found in a post. */
export interface ComplianceFinding {
  /** Stable id of the rule, e.g. "gender-only". */
  ruleId: string;
  category: ComplianceCategory;
  severity: ComplianceSeverity;
  /** What is wrong, in plain Chinese, for the employer and the reviewer. */
  message: string;
  /** The law the rule applies, e.g. "《就业促进法》第二十七条". */
  law: string;
  /** The words of the post that triggered it (empty for wage rules). */
  match: string;
}

/** What the check reads: the text an employer types and the pay. */
export interface ComplianceInput {
  title: string;
  description: string;
  skills?: string[];
  wageMin?: number;
  wageMax?: number;
  wageUnit?: WageUnit;
  type?: PostType;
}

/** 最低工资标准 configured for the district (元). */
export interface MinimumWage {
  /** 月最低工资标准, full-time. */
  monthly: number;
  /** 小时最低工资标准, part-time. */
  hourly: number;
}

export interface ComplianceResult {
  findings: ComplianceFinding[];
  /** True when any finding is hard: the post cannot go to review. */
  rejected: boolean;
}
