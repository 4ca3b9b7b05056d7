// What providers use of the kernel. errors.ts and response.ts are parts of the Transport, not used on their own.
export * from './dates';
export * from './digest';
export * from './pacing';
export * from './paging';
export * from './polling';
export * from './redact';
export * from './resource';
export * from './retry';
export * from './router';
export * from './settings';
export * from './simplify';
export * from './transport';
export * from './types';
export * from './upsert';
export * from './url';
export * from './validation';
export * from './webhooks';
