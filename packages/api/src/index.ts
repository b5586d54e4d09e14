export { appRouter, type AppRouter } from './root.ts';
export { type ApiServices, type Context, type SignedInAccount } from './context.ts';
export { createContext, type ContextRequest, type RequestFacts } from './request-context.ts';
export { endOfChinaDay } from './as-of.ts';
export { AS_OF_HEADER } from './as-of-header.ts';
export {
  ApiRefusal,
  createCallerFactory,
  REQUEST_COST_LIMIT,
  type Access,
  type ProcedureMeta,
} from './trpc.ts';
export type { FieldError } from './input.ts';
export * from './locale.ts';
export {
  executeCommand,
  type CommandRequest,
  type CommandResult,
  type EventCodec,
} from './commands.ts';
export * as organisationCommands from './organisation/commands.ts';
export * as residentCommands from './resident/commands.ts';
export * as cycleCommands from './cycle/commands.ts';
export * as proposalCommands from './proposal/commands.ts';
export * as ballotCommands from './ballot/commands.ts';
export * as outcomeCommands from './outcome/commands.ts';
export * as projectCommands from './project/commands.ts';
export * as meetingCommands from './meeting/commands.ts';
export * as meetingTopicCommands from './meeting/topic-commands.ts';
export * as meetingMinutesCommands from './meeting/minutes-commands.ts';
export * as meetingResolutionCommands from './meeting/resolution-commands.ts';
export { createSignInCodes, type SignInCodes } from './meeting/sign-in-code.ts';
export * as ledgerCommands from './ledger/commands.ts';
export * as catalogueCommands from './catalogue/commands.ts';
export * as teamCommands from './team/team-commands.ts';
export { remindShifts } from './team/reminders.ts';
export * as projectSurvey from './project/survey.ts';
export { REPORT_CSV_COLUMNS, reportVersionFiles, streetReportFeed } from './report/files.ts';
export { advanceCyclePhase } from './workflows/advance-cycle-phase.ts';
export { bulletinCsv, bulletinPb, countBallots, recountPb } from './ballot/count.ts';
export {
  consoleNotificationSender,
  createMemoryNotificationSender,
  drainOutbox,
  notificationSenderFromEnv,
  type NotificationSender,
  type OutboxMessage,
} from './notification/outbox.ts';
export {
  createPhotoFiles,
  ensurePhotoTable,
  photoTooLarge,
  NO_PHOTO,
  type PhotoFiles,
} from './proposal/photos.ts';
export {
  codeSenderFromEnv,
  consoleCodeSender,
  createFileCodeSender,
  createMemoryCodeSender,
  createPhoneCodes,
  ensurePhoneCodeTable,
  type OneTimeCodeSender,
  type PhoneCodes,
} from './resident/codes.ts';
export { actingFor, type Acting } from './resident/acting.ts';
export { carryOutDueErasures, DEFAULT_ERASURE_DELAY_MS } from './resident/erasure.ts';
export type { ResidentServices } from './resident/services.ts';
export { openDataSets, projectOpenRows, type OpenDataSet } from './project/open-data.ts';
