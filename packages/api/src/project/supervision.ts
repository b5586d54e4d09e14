// Residents' supervision of a project as the API runs it: following, supervisors and their
// reports, comments. Each decides on its own stream and on what the project's stream (and, for
// supervisors and reports, the cycle and the resident) say now.
import {
  chinaDate,
  commentDecider,
  followDecider,
  parseSupervisionEvent,
  supervisionDecider,
  supervisionEventSchemas,
  supervisionStreams,
  type LocalizedText,
  type ProjectPhoto,
  type CommentEvent,
  type FollowEvent,
  type SupervisionEvent,
  type SupervisionStreamEvent,
  type SupervisorSource,
} from '@gongzhi/domain';
import { voterOf } from '../ballot/commands.ts';
import { executeCommand, readState, type EventCodec, type Writer } from '../commands.ts';
import { cycleRecord } from '../cycle/commands.ts';
import { projectRecord } from './commands.ts';

const described: Record<SupervisionEvent['type'], LocalizedText> = {
  ProjectFollowed: { 'zh-CN': '关注了项目', en: 'followed the project' },
  ProjectUnfollowed: { 'zh-CN': '取消关注项目', en: 'stopped following the project' },
  ProjectSupervisorNamed: { 'zh-CN': '确定了监督员', en: 'named a supervisor' },
  SupervisionReportFiled: { 'zh-CN': '提交了监督报告', en: 'filed a supervision report' },
  SupervisionReportAnswered: { 'zh-CN': '答复了监督报告', en: 'answered a supervision report' },
  ProjectCommented: { 'zh-CN': '发表了评论', en: 'commented' },
  ProjectCommentHidden: { 'zh-CN': '隐藏了评论', en: 'hid a comment' },
};

// The codec's event type is the union of the whole module; each decider's stream holds its part.
const codec = <E extends SupervisionEvent>(): EventCodec<E> => ({
  read: (recorded) => parseSupervisionEvent(recorded.type, recorded.data) as E,
  versionOf: (type) => supervisionEventSchemas[type].version,
  describe: (event) => described[event.type],
});

const followCodec = codec<FollowEvent>();
const supervisionCodec = codec<SupervisionStreamEvent>();
const commentCodec = codec<CommentEvent>();

const today = (w: Writer) => chinaDate(w.metadata.occurredAt);
const projectOf = async (w: Writer, projectId: string) =>
  (await readState(w.store, projectRecord(projectId))).state;
const cycleOf = async (w: Writer, project: Awaited<ReturnType<typeof projectOf>>) =>
  project.status === 'none'
    ? ({ status: 'none' } as const)
    : (await readState(w.store, cycleRecord(project.opened.cycleId))).state;

const projectSubject = (): LocalizedText => ({
  'zh-CN': '项目监督',
  en: 'The project’s supervision',
});

export function setFollowing(
  w: Writer,
  data: { projectId: string; residentId: string },
  follow: boolean,
) {
  return executeCommand(w.store, {
    decider: followDecider,
    codec: followCodec,
    stream: supervisionStreams.follow(data.projectId, data.residentId),
    command: async () =>
      follow
        ? { type: 'FollowProject' as const, data, project: await projectOf(w, data.projectId) }
        : { type: 'UnfollowProject' as const, data },
    subject: () => ({ 'zh-CN': '关注', en: 'Following' }),
    metadata: w.metadata,
  });
}

export function nameSupervisor(
  w: Writer,
  data: { projectId: string; residentId: string; source: SupervisorSource; by: string },
) {
  return executeCommand(w.store, {
    decider: supervisionDecider,
    codec: supervisionCodec,
    stream: supervisionStreams.supervision(data.projectId),
    command: async () => {
      const project = await projectOf(w, data.projectId);
      const cycle = await cycleOf(w, project);
      const resident =
        project.status === 'none'
          ? ({ status: 'none' } as const)
          : await voterOf(w, data.residentId, cycle, project.opened.communityId);
      return { type: 'NameSupervisor' as const, data, project, cycle, resident, today: today(w) };
    },
    subject: projectSubject,
    metadata: w.metadata,
  });
}

export function fileReport(
  w: Writer,
  data: {
    projectId: string;
    reportId: string;
    supervisorId: string;
    what: string;
    where: string;
    photos: ProjectPhoto[];
  },
) {
  return executeCommand(w.store, {
    decider: supervisionDecider,
    codec: supervisionCodec,
    stream: supervisionStreams.supervision(data.projectId),
    command: async () => {
      const project = await projectOf(w, data.projectId);
      return {
        type: 'FileReport' as const,
        data,
        project,
        cycle: await cycleOf(w, project),
        today: today(w),
      };
    },
    subject: projectSubject,
    metadata: w.metadata,
  });
}

export function answerReport(
  w: Writer,
  data: { projectId: string; reportId: string; by: string; answer: string },
) {
  return executeCommand(w.store, {
    decider: supervisionDecider,
    codec: supervisionCodec,
    stream: supervisionStreams.supervision(data.projectId),
    command: () => ({ type: 'AnswerReport' as const, data, today: today(w) }),
    subject: projectSubject,
    metadata: w.metadata,
  });
}

export function commentOnProject(
  w: Writer,
  data: { projectId: string; commentId: string; residentId: string; text: string },
) {
  return executeCommand(w.store, {
    decider: commentDecider,
    codec: commentCodec,
    stream: supervisionStreams.comment(data.commentId),
    command: async () => ({
      type: 'CommentOnProject' as const,
      data,
      project: await projectOf(w, data.projectId),
    }),
    subject: () => ({ 'zh-CN': '评论', en: 'The comment' }),
    metadata: w.metadata,
  });
}

export function hideComment(
  w: Writer,
  data: { projectId: string; commentId: string; by: string; reason: string },
) {
  return executeCommand(w.store, {
    decider: commentDecider,
    codec: commentCodec,
    stream: supervisionStreams.comment(data.commentId),
    command: () => ({ type: 'HideComment' as const, data }),
    subject: () => ({ 'zh-CN': '评论', en: 'The comment' }),
    metadata: w.metadata,
  });
}
