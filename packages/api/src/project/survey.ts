// The satisfaction survey (满意度测评) and the published evaluation as the API runs them. Answers
// are decided on the project's stream, the cycle's and the resident's eligibility (voterOf, as a
// ballot is); closing counts the last answer of each resident on the read model once it holds
// every event written so far.
import {
  chinaDate,
  parseSurveyAnswerEvent,
  projectStreams,
  surveyAnswerDecider,
  surveyAnswerEventSchemas,
  type SurveyAnswerEvent,
  parseSurveyCommentEvent,
  surveyCommentDecider,
  surveyCommentEventSchemas,
  surveyCommentStream,
  type SurveyCommentEvent,
  type SurveyScores,
  votingRule,
} from '@gongzhi/domain';
import { countSurveyAnswers } from '@gongzhi/projections/project';
import { countEligibleResidents } from '@gongzhi/projections/resident';
import { voterOf } from '../ballot/commands.ts';
import { executeCommand, readState, type EventCodec, type Writer } from '../commands.ts';
import { cycleRecord } from '../cycle/commands.ts';
import { caughtUpToHead } from '../positions.ts';
import { onProject, projectRecord } from './commands.ts';

const answerCodec: EventCodec<SurveyAnswerEvent> = {
  read: (recorded) => parseSurveyAnswerEvent(recorded.type, recorded.data),
  versionOf: (type) => surveyAnswerEventSchemas[type].version,
  describe: () => ({ 'zh-CN': '回答了满意度测评', en: 'answered the satisfaction survey' }),
};

const today = (w: Writer) => chinaDate(w.metadata.occurredAt);

/** The cycle of a project, folded from its stream (none for a project not opened). */
async function cycleOf(w: Writer, state: Awaited<ReturnType<typeof readProject>>) {
  return state.status === 'none'
    ? ({ status: 'none' } as const)
    : (await readState(w.store, cycleRecord(state.opened.cycleId))).state;
}
const readProject = async (w: Writer, projectId: string) =>
  (await readState(w.store, projectRecord(projectId))).state;

/** Opens the survey, counting the community's eligible residents on the read model (caught up). */
export const openSurvey = (w: Writer, data: { projectId: string; by: string }) =>
  onProject(w, data.projectId, async (state) => {
    const cycle = await cycleOf(w, state);
    let eligible: number | undefined;
    if (state.status !== 'none' && cycle.status === 'published') {
      await caughtUpToHead(w);
      const rule = { ...votingRule(cycle, state.opened.communityId), on: today(w) };
      eligible = await countEligibleResidents(w.readModels.db, rule);
    }
    return {
      type: 'OpenSurvey',
      data,
      cycle,
      today: today(w),
      ...(eligible !== undefined && { eligible }),
    };
  });

export const closeSurvey = (w: Writer, data: { projectId: string; by: string }) =>
  onProject(w, data.projectId, async () => {
    await caughtUpToHead(w);
    return {
      type: 'CloseSurvey',
      data,
      counted: await countSurveyAnswers(w.readModels.db, data.projectId),
      today: today(w),
    };
  });

export const evaluateProject = (
  w: Writer,
  data: { projectId: string; by: string; reply: string },
) => onProject(w, data.projectId, () => ({ type: 'EvaluateProject', data }));

/** One resident's answer (their own, a proxy's or a worker's paper entry: the writer says which). */
export async function answerSurvey(
  w: Writer,
  data: {
    projectId: string;
    residentId: string;
    scores: SurveyScores;
    comment?: string | undefined;
  },
) {
  return executeCommand(w.store, {
    decider: surveyAnswerDecider,
    codec: answerCodec,
    stream: projectStreams.surveyAnswer(data.projectId, data.residentId),
    command: async () => {
      const project = await readProject(w, data.projectId);
      const cycle = await cycleOf(w, project);
      const resident =
        project.status === 'none'
          ? ({ status: 'none' } as const)
          : await voterOf(w, data.residentId, cycle, project.opened.communityId);
      return { type: 'AnswerSurvey' as const, data, project, cycle, resident, today: today(w) };
    },
    subject: () => ({ 'zh-CN': '这份测评答卷', en: 'The survey answer' }),
    metadata: w.metadata,
  });
}

/** Publishes the reviewed free-text answers of a closed survey (replacing any published before). */
export const publishSurveyComments = (
  w: Writer,
  data: { projectId: string; by: string; comments: string[] },
) =>
  executeCommand(w.store, {
    decider: surveyCommentDecider,
    codec: commentCodec,
    stream: surveyCommentStream(data.projectId),
    command: async () => ({
      type: 'PublishSurveyComments' as const,
      data,
      project: await readProject(w, data.projectId),
    }),
    subject: () => ({ 'zh-CN': '测评意见', en: 'The survey’s comments' }),
    metadata: w.metadata,
  });

const commentCodec: EventCodec<SurveyCommentEvent> = {
  read: (recorded) => parseSurveyCommentEvent(recorded.type, recorded.data),
  versionOf: (type) => surveyCommentEventSchemas[type].version,
  describe: () => ({ 'zh-CN': '公布了测评意见', en: 'published the survey’s comments' }),
};
