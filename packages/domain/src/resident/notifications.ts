// What a resident is told about their own record by others: a tie a worker declared for them
// that awaits their confirmation, and every step of an erasure a worker requested, so that an
// erasure they did not ask for can be stopped in time. Each links to their profile page, where
// they confirm, decline or stop.
import type { LocalizedText } from '../shared/errors.ts';
import { tieKindText, tieKindVerbEn } from './describe.ts';
import type { ResidentEventOf } from './events.ts';

export interface ResidentNotice {
  cause: string;
  link: string;
  recipients: readonly string[];
  message: LocalizedText;
}

export type NoticedResidentEvent = ResidentEventOf<
  | 'CommunityTieDeclared'
  | 'ResidentErasureRequested'
  | 'ResidentErasureConfirmed'
  | 'ResidentErasureStopped'
>;

export const residentNoticeTypes = [
  'CommunityTieDeclared',
  'ResidentErasureRequested',
  'ResidentErasureConfirmed',
  'ResidentErasureStopped',
] as const satisfies readonly NoticedResidentEvent['type'][];

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** 2025-06-02T08:00:00.000Z → 2025-06-02 16:00 (Beijing time). */
const beijingTime = (iso: string) =>
  new Date(Date.parse(iso) + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

/** The notice an event gives the resident, or undefined when it tells them nothing. */
export function residentNotice(event: NoticedResidentEvent): ResidentNotice | undefined {
  const { residentId } = event.data;
  const notice = (message: LocalizedText): ResidentNotice => ({
    cause: event.type,
    link: '/me',
    recipients: [residentId],
    message,
  });
  switch (event.type) {
    case 'CommunityTieDeclared': {
      if (event.data.consent !== 'awaiting_resident') return undefined;
      const kind = tieKindText[event.data.kind];
      return notice({
        'zh-CN': `一位社区工作者为您申报了在其社区${kind['zh-CN']}。请在“我的”页面确认或拒绝；未经您确认，这项联系不会生效。`,
        en: `A community worker declared that you ${tieKindVerbEn[event.data.kind]} in their community. Confirm or decline it on your profile page; it has no effect until you confirm it.`,
      });
    }
    case 'ResidentErasureRequested':
      return notice({
        'zh-CN': `社区工作者依书面申请（编号 ${event.data.writtenRequestRef}）申请注销您的个人信息。如果这不是您本人的申请，请在“我的”页面停止注销。`,
        en: `A community worker requested the erasure of your personal data on written request ${event.data.writtenRequestRef}. If you did not ask for it, stop it on your profile page.`,
      });
    case 'ResidentErasureConfirmed':
      return notice({
        'zh-CN': `注销您个人信息的申请已经确认，将于 ${beijingTime(event.data.dueAt)}（北京时间）执行。在此之前，您可以在“我的”页面停止注销。`,
        en: `The erasure of your personal data was confirmed and will be carried out at ${beijingTime(event.data.dueAt)} (Beijing time). Until then you can stop it on your profile page.`,
      });
    case 'ResidentErasureStopped':
      return notice({
        'zh-CN': '注销您个人信息的申请已经停止，您的信息保持不变。',
        en: 'The erasure of your personal data was stopped; your data stays as it was.',
      });
  }
}
