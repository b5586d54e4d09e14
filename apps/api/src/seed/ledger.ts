// Demo data of the burden-reduction ledger (seed 000, Pinghu): about two hundred items in the four
// communities of 虞山街道, recorded a year and a half ago; most removed, merged or retired since,
// the four organisational boards of each community kept under the locality's rule, a work group
// kept with the street's approval, and a few relapses (反弹) found on re-inspection, one of them
// removed again. Written through the ledger commands, dated back from today.
import { ledgerCommands } from '@gongzhi/api';
import { ledgerStreams, type AppForce, type LedgerDetails } from '@gongzhi/domain';
import type { By, Day, SeedTarget } from './writers.ts';
import { streamIsMissing } from './writers.ts';

const COMMUNITIES = [
  { communityId: 'shuyuan', name: '书院社区', worker: 'demo-shuyuan' },
  { communityId: 'hongqiao', name: '虹桥社区', worker: 'demo-yushan' },
  { communityId: 'huyuan', name: '湖苑社区', worker: 'demo-yushan' },
  { communityId: 'xiaoyi', name: '小义村', worker: 'demo-yushan' },
];

const OFFICER = 'demo-yushan';

const KEPT_BOARDS: [code: string, text: (place: string) => string][] = [
  ['party', (place) => `中共${place}委员会`],
  ['committee', (place) => `${place}居民委员会`],
  ['oversight', (place) => `${place}居务监督委员会`],
  ['cooperative', (place) => `${place}股份经济合作社`],
];

const BOARDS: [text: string, department: string][] = [
  ['综治中心', '市委政法委'],
  ['网格化服务管理中心', '市委政法委'],
  ['新时代文明实践站', '市文明办'],
  ['妇女之家', '市妇联'],
  ['老年协会', '市民政局'],
  ['关心下一代工作委员会', '市关工委'],
  ['科普活动室', '市科协'],
  ['法律服务工作室', '市司法局'],
  ['人民调解委员会', '市司法局'],
  ['禁毒工作站', '市公安局'],
  ['退役军人服务站', '市退役军人事务局'],
  ['残疾人之家', '市残联'],
  ['人口学校', '市卫健委'],
  ['健康小屋', '市卫健委'],
  ['应急管理工作站', '市应急管理局'],
  ['微型消防站', '市消防救援大队'],
  ['安全生产监督站', '市应急管理局'],
  ['计生协会', '市卫健委'],
  ['侨联之家', '市侨联'],
  ['青年之家', '团市委'],
  ['职工之家', '市总工会'],
  ['红十字服务站', '市红十字会'],
  ['家长学校', '市教育局'],
  ['道德讲堂', '市文明办'],
  ['志愿服务站', '市文明办'],
  ['心理咨询室', '市卫健委'],
];

const MECHANISMS: [
  title: string,
  type: 'leading_group' | 'station' | 'home',
  department: string,
][] = [
  ['创建全国文明城市工作领导小组', 'leading_group', '市文明办'],
  ['垃圾分类工作领导小组', 'leading_group', '市城管局'],
  ['河长制工作站', 'station', '市水务局'],
  ['平安建设工作领导小组', 'leading_group', '市委政法委'],
  ['儿童之家', 'home', '市妇联'],
  ['食品安全工作站', 'station', '市市场监管局'],
];

const APPS: [title: string, department: string, purpose: string, forces: AppForce[]][] = [
  ['网格通', '市委政法委', '网格巡查上报', ['check_in', 'online_time']],
  ['垃圾分类督查打卡', '市城管局', '桶边督导打卡', ['check_in', 'ranking']],
  ['安全生产巡查', '市应急管理局', '企业巡查记录', ['check_in']],
  ['文明创建随手拍', '市文明办', '问题随手拍上报', ['ranking', 'install_count']],
  ['学习打卡小程序', '市委宣传部', '学习积分', ['online_time', 'ranking', 'downloads']],
];

const GROUPS: [title: string, owner: string, department: string][] = [
  ['文明创建工作群', '市文明办 李科长', '市文明办'],
  ['垃圾分类督查群', '市城管局 周科长', '市城管局'],
  ['网格员工作群', '市网格中心 陈主任', '市委政法委'],
  ['安全检查工作群', '市应急管理局 吴科长', '市应急管理局'],
  ['信访维稳工作群', '街道信访办 朱主任', '街道信访办'],
  ['社区工作者总群', '街道社区办 钱科长', '街道社区办'],
];

const CERTIFICATES: [title: string, department: string][] = [
  ['亲属关系证明', '市公安局'],
  ['健在证明（领取养老金）', '市人社局'],
];

const TASK: [title: string, department: string] = ['入户调查表格填报', '市统计局'];

const BASIS = '琴减负〔2025〕3号';

interface Plan {
  id: string;
  communityId: string;
  worker: string;
  title: string;
  department: string;
  details: LedgerDetails;
  weeklyMinutes: number;
  /** What happened to it, and on which day (offset from today). */
  fate:
    | {
        act: 'remove' | 'retire';
        on: number;
        relapse?: { on: number; department: string; again?: number };
      }
    | { act: 'merge'; on: number; into: string }
    | { act: 'keep'; on: number }
    | { act: 'none' };
}

/** 18 months ago the register was taken; removals spread over the months since. */
const RECORDED = -540;
const spread = (i: number, of: number) => Math.round(-500 + (i * 480) / Math.max(1, of));

function plansOf(community: (typeof COMMUNITIES)[number], c: number): Plan[] {
  const { communityId, name, worker } = community;
  const id = (kind: string, i: number) => `demo-ledger-${communityId}-${kind}-${i}`;
  const base = { communityId, worker };
  const plans: Plan[] = [];
  KEPT_BOARDS.forEach(([code, text], i) =>
    plans.push({
      ...base,
      id: id('board', i),
      title: text(name),
      department: '街道党工委',
      details: {
        kind: 'signboard',
        text: text(name),
        placement: 'outside',
        size: '60×40 cm',
        ruleBoard: code,
      },
      weeklyMinutes: 0,
      fate: { act: 'keep', on: -480 },
    }),
  );
  BOARDS.forEach(([text, department], i) => {
    const n = i + KEPT_BOARDS.length;
    const relapse =
      (c === 0 && (i === 2 || i === 9)) || (c === 1 && i === 4) || (c === 3 && i === 11)
        ? {
            on: -30 + i,
            department,
            ...(c === 3 ? { again: -7 } : {}),
          }
        : undefined;
    plans.push({
      ...base,
      id: id('board', n),
      title: `${name}${text}`,
      department,
      details: {
        kind: 'signboard',
        text: `${name}${text}`,
        placement: i % 3 === 0 ? 'inside' : 'outside',
        size: i % 2 === 0 ? '60×40 cm' : '80×60 cm',
      },
      weeklyMinutes: 15,
      fate:
        i === BOARDS.length - 1
          ? { act: 'none' }
          : i === 5
            ? { act: 'merge', on: spread(i, BOARDS.length), into: id('board', 1) }
            : { act: 'remove', on: spread(i, BOARDS.length), ...(relapse ? { relapse } : {}) },
    });
  });
  MECHANISMS.forEach(([title, mechanismType, department], i) =>
    plans.push({
      ...base,
      id: id('mechanism', i),
      title,
      department,
      details: { kind: 'mechanism', mechanismType },
      weeklyMinutes: 60,
      fate: i === MECHANISMS.length - 1 ? { act: 'none' } : { act: 'retire', on: spread(i, 6) },
    }),
  );
  APPS.forEach(([title, department, purpose, forces], i) =>
    plans.push({
      ...base,
      id: id('app', i),
      title,
      department,
      details: { kind: 'app', appType: i === 4 ? 'mini_program' : 'app', purpose, forces },
      weeklyMinutes: 120,
      fate: i === 0 ? { act: 'none' } : { act: 'retire', on: spread(i, 5) + 60 },
    }),
  );
  GROUPS.forEach(([title, owner, department], i) =>
    plans.push({
      ...base,
      id: id('group', i),
      title: `${name}${title}`,
      department,
      details: { kind: 'chat_group', owner, purpose: '布置任务、报送照片', members: 40 + i * 12 },
      weeklyMinutes: 90,
      fate: i === 5 ? { act: 'keep', on: -300 } : { act: 'retire', on: spread(i, 6) + 30 },
    }),
  );
  CERTIFICATES.forEach(([title, department], i) =>
    plans.push({
      ...base,
      id: id('certificate', i),
      title,
      department,
      details: { kind: 'certificate', purpose: '居民办事时由社区盖章证明' },
      weeklyMinutes: 30,
      fate: { act: 'retire', on: -200 + i * 10 },
    }),
  );
  plans.push({
    ...base,
    id: id('task', 0),
    title: TASK[0],
    department: TASK[1],
    details: { kind: 'task', purpose: '逐户填报统计表' },
    weeklyMinutes: 60,
    fate: { act: 'none' },
  });
  return plans;
}

/** Seeds the demo street's ledger, unless its first item is there already. */
export async function seedLedger(target: SeedTarget, day: Day, by: By): Promise<void> {
  const plans = COMMUNITIES.flatMap(plansOf);
  if (!(await streamIsMissing(target.store, ledgerStreams.item(plans[0]!.id)))) return;
  const act = (on: number, reason: string, approver = '虞山街道 顾主任') => ({
    basis: BASIS,
    reason,
    approver,
    actedOn: day(on),
    beforePhotos: [],
    afterPhotos: [],
  });
  for (const plan of plans) {
    const { id, communityId, worker, fate: _fate, ...item } = plan;
    await ledgerCommands.recordLedgerItem(by(worker, RECORDED), {
      itemId: id,
      communityId,
      ...item,
      photos: [],
      recordedOn: day(RECORDED),
    });
  }
  for (const { id, worker, fate, details } of plans) {
    if (fate.act === 'none') continue;
    // What the rule does not allow is kept by the street officer: the street's approval.
    const streetApproval = details.kind !== 'signboard';
    const w = by(fate.act === 'keep' && streetApproval ? OFFICER : worker, fate.on);
    if (fate.act === 'keep') {
      await ledgerCommands.actOnLedgerItem(w, {
        itemId: id,
        ...act(
          fate.on,
          streetApproval ? '街道统一保留的工作群，明确非 24 小时值班' : '按规定保留的组织机构牌子',
        ),
        act: 'keep',
        streetApproval,
      });
    } else if (fate.act === 'merge') {
      await ledgerCommands.actOnLedgerItem(w, {
        itemId: id,
        ...act(fate.on, '并入居民委员会牌子'),
        act: 'merge',
        intoItemId: fate.into,
      });
    } else {
      await ledgerCommands.actOnLedgerItem(w, {
        itemId: id,
        ...act(fate.on, fate.act === 'remove' ? '按清理通知摘除' : '按清理通知撤销、停用'),
        act: fate.act,
      });
      const relapse = fate.relapse;
      if (!relapse) continue;
      await ledgerCommands.scheduleReinspection(by(OFFICER, relapse.on - 5), {
        itemId: id,
        dueOn: day(relapse.on),
      });
      await ledgerCommands.recordReinspection(by(OFFICER, relapse.on), {
        itemId: id,
        inspectedOn: day(relapse.on),
        present: true,
        notes: '复查发现牌子重新挂出',
        photos: [],
        department: relapse.department,
      });
      if (relapse.again !== undefined) {
        await ledgerCommands.actOnLedgerItem(by(worker, relapse.again), {
          itemId: id,
          ...act(relapse.again, '反弹后再次摘除'),
          act: 'remove',
        });
      }
    }
  }
}
