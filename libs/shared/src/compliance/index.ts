export * from './types';
export * from './rules';
export * from './check';
export * from './minimum-wage';
