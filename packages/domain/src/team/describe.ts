// How the team module reads in pages and conflict messages (zh-CN, en).
import type { LocalizedText } from '../shared/errors.ts';
import type { ServiceRecordEvent, TeamEvent, TeamKind } from './events.ts';

export const teamKindText: Record<TeamKind, LocalizedText> = {
  autonomous: { 'zh-CN': '居民自治团队', en: 'Residents’ own group' },
  volunteer_service: { 'zh-CN': '志愿服务队', en: 'Volunteer service team' },
  social_organisation: { 'zh-CN': '社会组织', en: 'Registered social organisation' },
};

export function describeTeamEvent(event: TeamEvent): LocalizedText {
  switch (event.type) {
    case 'TeamRegistered':
      return { 'zh-CN': '登记了志愿服务队', en: 'registered the team' };
    case 'TeamJoinRequested':
      return { 'zh-CN': '有人申请加入', en: 'someone asked to join' };
    case 'TeamJoinAccepted':
      return { 'zh-CN': '接受了加入申请', en: 'accepted a request to join' };
    case 'TeamJoinDeclined':
      return { 'zh-CN': '婉拒了加入申请', en: 'declined a request to join' };
    case 'TeamMemberLeft':
      return { 'zh-CN': '有队员退出', en: 'a member left' };
    case 'TeamLeadershipHandedOver':
      return { 'zh-CN': '移交了队长职责', en: 'handed the leadership over' };
    case 'TeamSkillsChanged':
      return { 'zh-CN': '修改了服务技能', en: 'changed the skills' };
  }
}

export function describeServiceRecordEvent(event: ServiceRecordEvent): LocalizedText {
  switch (event.type) {
    case 'ServiceRecorded':
      return { 'zh-CN': '记录了服务', en: 'recorded the service' };
    case 'ServiceRecordConfirmed':
      return { 'zh-CN': '确认了服务记录', en: 'confirmed the record' };
    case 'ServiceRecordCorrectionRequested':
      return { 'zh-CN': '申请更正服务记录', en: 'asked for a correction' };
    case 'ServiceRecordCorrectionDecided':
      return { 'zh-CN': '处理了更正申请', en: 'decided on the correction' };
  }
}

/** Minutes as hours with one decimal, e.g. 150 → "2.5". */
export const hoursOf = (minutes: number): string => (Math.round(minutes / 6) / 10).toFixed(1);
