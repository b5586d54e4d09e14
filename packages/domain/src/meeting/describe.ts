// How the meeting module reads in pages and messages (zh-CN, en).
import type { LocalizedText } from '../shared/errors.ts';
import type {
  BodyKind,
  MajorityRule,
  MeetingEvent,
  MemberKind,
  MemberRole,
  QuorumRule,
} from './events.ts';

export const bodyKindText: Record<BodyKind, LocalizedText> = {
  residents_council: { 'zh-CN': '居民议事会', en: 'residents’ council' },
  round_table: { 'zh-CN': '邻里圆桌会', en: 'neighbourhood round-table' },
  villager_representatives: { 'zh-CN': '村民代表会议', en: 'villager representatives’ meeting' },
  residents_meeting: { 'zh-CN': '居民会议', en: 'residents’ meeting' },
  owners_talk: { 'zh-CN': '业主协商会', en: 'owners’ talk' },
  hearing: { 'zh-CN': '听证会', en: 'hearing' },
};

export const memberKindText: Record<MemberKind, LocalizedText> = {
  resident: { 'zh-CN': '居民代表', en: 'resident' },
  party_organisation: { 'zh-CN': '党组织', en: 'party organisation' },
  committee: { 'zh-CN': '居（村）委会', en: 'residents’ committee' },
  owners_committee: { 'zh-CN': '业委会', en: 'owners’ committee' },
  property_company: { 'zh-CN': '物业服务企业', en: 'property company' },
  social_organisation: { 'zh-CN': '社会组织', en: 'social organisation' },
  unit: { 'zh-CN': '驻区单位', en: 'local unit' },
  expert: { 'zh-CN': '专业人士', en: 'expert' },
};

export const memberRoleText: Record<MemberRole, LocalizedText> = {
  member: { 'zh-CN': '成员', en: 'member' },
  chair: { 'zh-CN': '召集人', en: 'chair' },
  recorder: { 'zh-CN': '记录人', en: 'recorder' },
};

export const quorumRuleText: Record<QuorumRule, LocalizedText> = {
  two_thirds: { 'zh-CN': '三分之二以上成员到会', en: 'two thirds of the members present' },
  more_than_half: { 'zh-CN': '过半数成员到会', en: 'more than half of the members present' },
};

export const majorityRuleText: Record<MajorityRule, LocalizedText> = {
  of_present: { 'zh-CN': '到会人员过半数同意', en: 'more than half of those present' },
  of_members: { 'zh-CN': '全体成员过半数同意', en: 'more than half of all members' },
  two_thirds_of_present: { 'zh-CN': '到会人员三分之二以上同意', en: 'two thirds of those present' },
};

export function describeMeetingEvent(event: MeetingEvent): LocalizedText {
  switch (event.type) {
    case 'MeetingBodyEstablished':
      return { 'zh-CN': '设立了议事机构', en: 'established the body' };
    case 'BodyMemberJoined':
      return { 'zh-CN': '登记了成员加入', en: 'recorded a member joining' };
    case 'BodyMemberLeft':
      return { 'zh-CN': '登记了成员离任', en: 'recorded a member leaving' };
    case 'MeetingConvened':
      return { 'zh-CN': '召集了会议并发布通知', en: 'convened the meeting with its notice' };
    case 'MotionTabled':
      return { 'zh-CN': '提出了动议', en: 'tabled a motion' };
    case 'MotionVoted':
      return { 'zh-CN': '表决了动议', en: 'voted on a motion' };
    case 'MeetingClosed':
      return { 'zh-CN': '结束了会议', en: 'closed the meeting' };
    case 'AttendeeSignedIn':
      return { 'zh-CN': '签到', en: 'signed in' };
    case 'AttendeeLeft':
      return { 'zh-CN': '离场', en: 'left' };
  }
}
