/** 山亭区, 枣庄市, 山东省 (GB/T 2260). */
export const DISTRICT_CODE = '370406';
export const DISTRICT_NAME = '山亭区';
/** 每年新增就业人数不少于3000人. */
export const ANNUAL_JOBS_TARGET = 3000;
export const LIST_LIMIT_DEFAULT = 20;
export const LIST_LIMIT_MAX = 100;
export const API_BASE_PATH = '/api/v1';
export * from './wage';
export * from './post-lifecycle';
export * from './search';
/** Candidates (推荐人选) an employer may view a day; beyond it, 429 until tomorrow (résumé harvesting does not pay). */
export const CANDIDATE_VIEWS_PER_DAY = 100;
