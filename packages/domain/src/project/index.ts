export * from './events.ts';
export * from './state.ts';
export * from './decider.ts';
export * from './describe.ts';
export * from './survey-answer.ts';
export * from './eligible.ts';
export * from './supervision/index.ts';
export {
  countedReading,
  paperSurveyDecider,
  paperSurveyEventSchemas,
  paperSurveyEventTypes,
  paperSurveyStream,
  parsePaperSurveyEvent,
  sameReading,
  type PaperSurveyEvent,
  type PaperSurveyState,
} from './paper-survey.ts';
export {
  parseSurveyCommentEvent,
  surveyCommentDecider,
  surveyCommentEventSchemas,
  surveyCommentEventTypes,
  surveyCommentStream,
  type SurveyCommentEvent,
} from './survey-comments.ts';
