/** The case domain: plain data and pure functions, no Temporal and no I/O. */
export * from './applicant-indexing';
export * from './case';
export * from './commands';
export * from './dates';
export * from './deadlines';
export * from './events';
export * from './identifiers';
export * from './legacy-state';
export * from './lifecycle';
export * from './open-case';
export * from './outbox';
export * from './rule-params';
export * from './stages';
export * from './timekeeping';
export * from './transitions';
export * from './validation';
export * from './view';
