export * from './common';
export * from './auth';
export * from './regions';
export * from './occupations';
export * from './job-postings';
export * from './health';
export * from './stats';
export * from './residents';
