// How topics read in pages and messages (zh-CN, en).
import type { LocalizedText } from '../../shared/errors.ts';
import type { TopicEvent, TopicSource } from './events.ts';
import type { TopicStatus } from './state.ts';

export const topicSourceText: Record<TopicSource, LocalizedText> = {
  own: { 'zh-CN': '自行提出', en: 'raised on its own' },
  proposal: { 'zh-CN': '来自项目提案', en: 'from a proposal' },
  objection: { 'zh-CN': '来自异议', en: 'from an objection' },
  supervision: { 'zh-CN': '来自监督报告', en: 'from a supervision report' },
  ledger: { 'zh-CN': '来自民生台账', en: 'from a ledger item' },
};

export const topicStatusText: Record<TopicStatus, LocalizedText> = {
  raised: { 'zh-CN': '待处理', en: 'awaiting screening' },
  accepted: { 'zh-CN': '已采纳，待列入议程', en: 'accepted for an agenda' },
  scheduled: { 'zh-CN': '已列入会议议程', en: 'on a meeting’s agenda' },
  merged: { 'zh-CN': '已并入其他议题', en: 'merged into another topic' },
  declined: { 'zh-CN': '未予采纳', en: 'declined' },
};

export function describeTopicEvent(event: TopicEvent): LocalizedText {
  switch (event.type) {
    case 'TopicRaised':
      return { 'zh-CN': '提出了议题', en: 'raised the topic' };
    case 'TopicSupported':
      return { 'zh-CN': '附议了议题', en: 'supported the topic' };
    case 'TopicAccepted':
      return { 'zh-CN': '采纳了议题', en: 'accepted the topic' };
    case 'TopicMerged':
      return { 'zh-CN': '合并了议题', en: 'merged the topic' };
    case 'TopicDeclined':
      return { 'zh-CN': '未采纳议题', en: 'declined the topic' };
    case 'TopicScheduled':
      return { 'zh-CN': '将议题列入议程', en: 'put the topic on an agenda' };
  }
}
