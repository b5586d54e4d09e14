// How the minutes read in pages and messages (zh-CN, en).
import type { LocalizedText } from '../../shared/errors.ts';
import type { MinutesEvent } from './events.ts';

export function describeMinutesEvent(event: MinutesEvent): LocalizedText {
  switch (event.type) {
    case 'MinutesDrafted':
      return { 'zh-CN': '起草了会议纪要', en: 'drafted the minutes' };
    case 'MinutesCirculated':
      return { 'zh-CN': '传阅了纪要草稿', en: 'circulated the draft minutes' };
    case 'MinutesCorrectionRequested':
      return { 'zh-CN': '请求更正纪要', en: 'asked for a correction of the minutes' };
    case 'MinutesSigned':
      return { 'zh-CN': '签认了纪要', en: 'signed the minutes' };
    case 'MinutesApproved':
      return { 'zh-CN': '通过并发布了纪要', en: 'approved and published the minutes' };
    case 'MinutesCorrected':
      return { 'zh-CN': '发布了纪要更正版本', en: 'published a corrected version of the minutes' };
  }
}
