export * from './validation-result';
export * from './id-number';
export * from './credit-code';
export * from './phone';
export * from './region-code';
export * from './mask';
