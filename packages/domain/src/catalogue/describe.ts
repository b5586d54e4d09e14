// How the catalogues read in pages and messages (zh-CN, en).
import { say, type LocalizedText } from '../shared/errors.ts';
import type { CatalogueEvent, CatalogueKind, OffCatalogueChannel } from './events.ts';

export const catalogueKindText: Record<CatalogueKind, LocalizedText> = {
  certificates: say(
    '村（居）民证明类盖章项目准入目录',
    'Catalogue of certificates a community may stamp',
  ),
  work_items: say(
    '部门工作进村社区事项目录',
    'Catalogue of department work allowed into communities',
  ),
};

export const offCatalogueChannelText: Record<OffCatalogueChannel, LocalizedText> = {
  chat_group: say('工作群', 'work chat group'),
  phone: say('电话', 'phone call'),
  document: say('文件、通知', 'document or notice'),
  meeting: say('会议布置', 'at a meeting'),
  app: say('政务应用', 'government app'),
  other: say('其他', 'other'),
};

/** One line saying what an event did, for conflict messages. */
export function describeCatalogueEvent(event: CatalogueEvent): LocalizedText {
  switch (event.type) {
    case 'CatalogueDrafted':
      return say(`起草了 ${event.data.year} 年版`, `drafted the ${event.data.year} version`);
    case 'CatalogueEntryAdded':
      return say(`增加了「${event.data.entry.title}」`, `added “${event.data.entry.title}”`);
    case 'CatalogueEntryRemoved':
      return say(`删去了 ${event.data.code}`, `removed ${event.data.code}`);
    case 'CatalogueEntryChanged':
      return say(`修改了 ${event.data.entry.code}`, `changed ${event.data.entry.code}`);
    case 'OffCatalogueTaskRecorded':
      return say(`登记了清单外事项「${event.data.title}」`, `recorded “${event.data.title}”`);
    case 'CataloguePublished':
      return say('发布了目录', 'published it');
    case 'CatalogueRequestFiled':
      return say('提交了申请', 'filed the request');
    case 'CatalogueRequestAdmitted':
      return say('准予纳入', 'admitted it');
    case 'CatalogueRequestRefused':
      return say('不予纳入', 'refused it');
  }
}
