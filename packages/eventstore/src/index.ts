export * from './port.ts';
export * from './errors.ts';
export * from './upcasting.ts';
export * from './event.ts';
