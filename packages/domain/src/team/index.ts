export * from './events.ts';
export * from './state.ts';
export * from './decider.ts';
export * from './describe.ts';
export * from './activity/index.ts';
export * from './need/index.ts';
export * from './certificate/index.ts';
