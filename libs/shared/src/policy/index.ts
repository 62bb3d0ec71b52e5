export * from './rules';
export * from './outreach';
