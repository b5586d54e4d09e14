export { appRouter, type AppRouter } from './root.ts';
export {
  createContext,
  type ApiServices,
  type Context,
  type ContextRequest,
  type SignedInAccount,
} from './context.ts';
export { createCallerFactory, type Access, type ProcedureMeta } from './trpc.ts';
export type { FieldError } from './input.ts';
export * from './locale.ts';
export {
  executeCommand,
  type CommandRequest,
  type CommandResult,
  type EventCodec,
} from './commands.ts';
export * as organisationCommands from './organisation/commands.ts';
