export * from './roles';
export * from './region-level';
export * from './resident';
export * from './job-posting';
export * from './employer';
export * from './application';
export * from './notification';
export * from './gig';
