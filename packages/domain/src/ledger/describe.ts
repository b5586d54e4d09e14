// How the ledger reads in pages and messages (zh-CN, en).
import { say, type LocalizedText } from '../shared/errors.ts';
import type {
  AppForce,
  LedgerEvent,
  LedgerItemStatus,
  LedgerKind,
  MechanismType,
} from './events.ts';

export const ledgerKindText: Record<LedgerKind, LocalizedText> = {
  signboard: say('挂牌', 'signboard'),
  mechanism: say('工作机制', 'work mechanism'),
  app: say('政务应用', 'government app'),
  chat_group: say('工作群', 'work chat group'),
  certificate: say('证明事项', 'certificate item'),
  task: say('工作事项', 'task item'),
};

export const ledgerStatusText: Record<LedgerItemStatus, LocalizedText> = {
  active: say('在用', 'in place'),
  kept: say('经批准保留', 'kept with approval'),
  removed: say('已摘除', 'removed'),
  merged: say('已整合', 'merged'),
  retired: say('已撤销', 'retired'),
  relapsed: say('反弹', 'relapsed'),
};

export const appForceText: Record<AppForce, LocalizedText> = {
  check_in: say('强制打卡', 'forced check-ins'),
  ranking: say('积分排名', 'point rankings'),
  online_time: say('在线时长', 'online-time metrics'),
  downloads: say('强制下载', 'forced downloads'),
  install_count: say('装机量考核', 'install-rate tracking'),
};

export const mechanismTypeText: Record<MechanismType, LocalizedText> = {
  leading_group: say('领导小组', 'leading group'),
  station: say('站、所', 'station'),
  home: say('之家', '“home”'),
  other: say('其他机制', 'other mechanism'),
};

/** One line saying what an event did, for conflict messages. */
export function describeLedgerEvent(event: LedgerEvent): LocalizedText {
  switch (event.type) {
    case 'LedgerItemRecorded':
      return say(`登记了「${event.data.title}」`, `recorded “${event.data.title}”`);
    case 'LedgerItemRemoved':
      return say(`摘除（${event.data.actedOn}）`, `removed it (${event.data.actedOn})`);
    case 'LedgerItemMerged':
      return say(`整合（${event.data.actedOn}）`, `merged it (${event.data.actedOn})`);
    case 'LedgerItemRetired':
      return say(`撤销（${event.data.actedOn}）`, `retired it (${event.data.actedOn})`);
    case 'LedgerItemKept':
      return say(
        `批准保留（${event.data.actedOn}）`,
        `kept it with approval (${event.data.actedOn})`,
      );
    case 'LedgerReinspectionScheduled':
      return say(
        `安排复查（${event.data.dueOn}）`,
        `scheduled a re-inspection (${event.data.dueOn})`,
      );
    case 'LedgerItemReinspected':
      return say(
        `复查（${event.data.inspectedOn}）`,
        `re-inspected it (${event.data.inspectedOn})`,
      );
    case 'LedgerItemRelapsed':
      return say(
        `发现反弹（${event.data.department}）`,
        `found it back (${event.data.department})`,
      );
    case 'LedgerSettingsChanged':
      return say('修改了减负规则', 'changed the burden-reduction rules');
  }
}
