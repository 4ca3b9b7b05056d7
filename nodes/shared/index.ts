export * from './pacing';
export * from './paging';
export * from './redact';
export * from './retry';
export * from './router';
export * from './settings';
export * from './transport';
export * from './validation';
