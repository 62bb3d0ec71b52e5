export * from './enums';
export * from './contract';
export * from './constants';
export * from './validators';
export * from './compliance';
export * from './policy';
