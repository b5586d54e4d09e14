// Paper answers to a satisfaction survey as the API runs them: each entry is decided on the
// sheet's stream (the project, the cycle and the resident's eligibility as for an answer online);
// once the sheet has a reading that counts (both entries agree, or a third worker picked one),
// it is recorded as the resident's answer, done by the worker for the resident on paper.
import {
  chinaDate,
  countedReading,
  paperSurveyDecider,
  paperSurveyEventSchemas,
  paperSurveyStream,
  parsePaperSurveyEvent,
  type PaperSurveyEvent,
  type SurveyScores,
} from '@gongzhi/domain';
import { voterOf } from '../ballot/commands.ts';
import { executeCommand, readState, type EventCodec, type Writer } from '../commands.ts';
import { cycleRecord } from '../cycle/commands.ts';
import { projectRecord } from './commands.ts';
import { answerSurvey } from './survey.ts';

const codec: EventCodec<PaperSurveyEvent> = {
  read: (recorded) => parsePaperSurveyEvent(recorded.type, recorded.data),
  versionOf: (type) => paperSurveyEventSchemas[type].version,
  describe: (event) =>
    event.type === 'PaperSurveyEntered'
      ? { 'zh-CN': '录入了纸质测评答卷', en: 'entered a paper survey answer' }
      : { 'zh-CN': '裁定了纸质测评答卷', en: 'resolved a paper survey answer' },
};

const sheetRecord = (projectId: string, residentId: string) => ({
  stream: paperSurveyStream(projectId, residentId),
  decider: paperSurveyDecider,
  codec,
});
const subject = () => ({ 'zh-CN': '这张纸质答卷', en: 'The paper answer' });

/** Records the sheet's counted reading, if it has one, as the resident's answer (on paper). */
async function recordCounted(w: Writer, projectId: string, residentId: string) {
  const { state } = await readState(w.store, sheetRecord(projectId, residentId));
  const counted = countedReading(state);
  if (!counted) return { counted: false };
  const paper: Writer = {
    ...w,
    metadata: { ...w.metadata, onBehalfOf: residentId, channel: 'paper' },
  };
  await answerSurvey(paper, {
    projectId,
    residentId,
    scores: counted.scores,
    comment: counted.comment,
  });
  return { counted: true };
}

export async function enterPaperAnswer(
  w: Writer,
  data: {
    projectId: string;
    residentId: string;
    by: string;
    scores: SurveyScores;
    comment?: string | undefined;
  },
) {
  const result = await executeCommand(w.store, {
    ...sheetRecord(data.projectId, data.residentId),
    command: async () => {
      const project = (await readState(w.store, projectRecord(data.projectId))).state;
      const cycle =
        project.status === 'none'
          ? ({ status: 'none' } as const)
          : (await readState(w.store, cycleRecord(project.opened.cycleId))).state;
      const resident =
        project.status === 'none'
          ? ({ status: 'none' } as const)
          : await voterOf(w, data.residentId, cycle, project.opened.communityId);
      return {
        type: 'EnterPaperSurvey' as const,
        data,
        project,
        cycle,
        resident,
        today: chinaDate(w.metadata.occurredAt),
      };
    },
    subject,
    metadata: w.metadata,
  });
  const { counted } = await recordCounted(w, data.projectId, data.residentId);
  const entry = result.events.at(-1);
  return {
    result,
    entry: entry?.type === 'PaperSurveyEntered' ? entry.data.entry : null,
    counted,
  };
}

export async function resolvePaperAnswer(
  w: Writer,
  data: {
    projectId: string;
    residentId: string;
    by: string;
    pick: 'first' | 'second' | 'rejected';
    reason?: string | undefined;
  },
) {
  const result = await executeCommand(w.store, {
    ...sheetRecord(data.projectId, data.residentId),
    command: () => ({ type: 'ResolvePaperSurvey' as const, data }),
    subject,
    metadata: w.metadata,
  });
  const { counted } = await recordCounted(w, data.projectId, data.residentId);
  return { result, counted };
}
