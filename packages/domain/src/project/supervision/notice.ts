// What residents are told about projects: followers at each stage (every project event but the
// opening and single payments), a supervisor when their report is answered, a comment's author
// when it is hidden and why. The notification read model asks these and writes the inbox rows.
import type { LocalizedText } from '../../shared/errors.ts';
import { describeProjectEvent } from '../describe.ts';
import type { ProjectEvent } from '../events.ts';
import type { SupervisionEventOf } from './events.ts';

/** The project events its followers hear of. */
export const followedProjectEventTypes = [
  'ProjectApproved',
  'ProjectBudgetReviewed',
  'ProjectContractAwarded',
  'ProjectWorksStarted',
  'ProjectMilestoneReached',
  'ProjectWorksCompleted',
  'ProjectAcceptanceRecorded',
  'ProjectSettled',
  'ProjectSurveyOpened',
  'ProjectSurveyClosed',
  'ProjectEvaluated',
  'ProjectSuspended',
  'ProjectResumed',
  'ProjectCancelled',
] as const satisfies readonly ProjectEvent['type'][];

const followed: readonly string[] = followedProjectEventTypes;

/** The message followers of project `title` get for `event`, or null when they hear nothing. */
export function followerNotice(event: ProjectEvent, title: string): LocalizedText | null {
  if (!followed.includes(event.type)) return null;
  const what = describeProjectEvent(event);
  return {
    'zh-CN': `您关注的项目「${title}」：${what['zh-CN']}。`,
    en: `A project you follow, “${title}”: ${what.en}.`,
  };
}

export function reportAnsweredNotice(title: string): LocalizedText {
  return {
    'zh-CN': `您对项目「${title}」的监督报告已有答复。`,
    en: `Your supervision report on “${title}” has been answered.`,
  };
}

export function commentHiddenNotice(
  event: SupervisionEventOf<'ProjectCommentHidden'>,
  title: string,
): LocalizedText {
  return {
    'zh-CN': `您在项目「${title}」下的评论已被隐藏，原因：${event.data.reason}`,
    en: `Your comment on “${title}” was hidden. Reason: ${event.data.reason}`,
  };
}
