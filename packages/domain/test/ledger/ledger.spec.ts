import { describe, it } from 'vitest';
import {
  defaultLedgerSettings,
  ledgerItemDecider,
  ledgerSettingsDecider,
  type LedgerEvent,
  type LedgerEventData,
  type LedgerItemCommand,
} from '../../src/ledger/index.ts';
import { given, refused } from '../given.ts';

const today = '2026-03-10';
const photo = { fileId: 'p1', type: 'image/jpeg', size: 1000 } as const;

const recordedData = (
  itemId: string,
  details: LedgerEventData<'LedgerItemRecorded'>['details'],
  communityId = 'shuyuan',
): LedgerEventData<'LedgerItemRecorded'> => ({
  itemId,
  communityId,
  streetId: 'yushan',
  kind: details.kind,
  title: `牌子 ${itemId}`,
  department: '市文明办',
  details,
  weeklyMinutes: 30,
  photos: [photo],
  recordedOn: '2026-03-01',
  recordedBy: 'w1',
  source: 'form',
});

const board = (itemId: string, ruleBoard?: string) =>
  recordedData(itemId, {
    kind: 'signboard',
    text: '文明实践站',
    placement: 'outside',
    ...(ruleBoard ? { ruleBoard } : {}),
  });

const recorded = (data: LedgerEventData<'LedgerItemRecorded'>): LedgerEvent => ({
  type: 'LedgerItemRecorded',
  data,
});

const act = (itemId: string, actedOn = '2026-03-05') => ({
  itemId,
  basis: '琴减负〔2026〕1号',
  reason: '按清理通知摘除',
  approver: '王主任',
  actedOn,
  beforePhotos: [photo],
  afterPhotos: [],
  actedBy: 'w1',
});

const removed = (itemId: string): LedgerEvent => ({ type: 'LedgerItemRemoved', data: act(itemId) });

describe('ledger item', () => {
  it('records an item with its kind’s fields', () => {
    const data = board('b1');
    given(ledgerItemDecider, [])
      .when({ type: 'RecordLedgerItem', data, today })
      .then([{ type: 'LedgerItemRecorded', data }]);
  });

  it('finds a repeated recording done', () => {
    given(ledgerItemDecider, [recorded(board('b1'))])
      .when({ type: 'RecordLedgerItem', data: board('b1'), today })
      .then([]);
  });

  it('refuses fields of another kind', () => {
    given(ledgerItemDecider, [])
      .when({ type: 'RecordLedgerItem', data: { ...board('b1'), kind: 'app' }, today })
      .then(refused('invalid', 'ledger_kind_mismatch'));
  });

  it('refuses a day after today', () => {
    given(ledgerItemDecider, [])
      .when({ type: 'RecordLedgerItem', data: { ...board('b1'), recordedOn: '2026-04-01' }, today })
      .then(refused('invalid', 'date_in_future'));
  });

  it('removes an item with basis, reason, approver, date and photos', () => {
    given(ledgerItemDecider, [recorded(board('b1'))])
      .when({ type: 'RemoveLedgerItem', data: act('b1'), today })
      .then([removed('b1')]);
  });

  it('refuses to act on an item that is gone, or that does not exist', () => {
    given(ledgerItemDecider, [recorded(board('b1')), removed('b1')])
      .when({ type: 'RetireLedgerItem', data: act('b1'), today })
      .then(refused('conflict', 'ledger_item_gone'));
    given(ledgerItemDecider, [])
      .when({ type: 'RemoveLedgerItem', data: act('b1'), today })
      .then(refused('not_found', 'ledger_item_not_found'));
  });

  it('merges into another item of the same community and kind, still in place', () => {
    const into = { status: 'active', item: board('b2'), relapses: 0 } as const;
    const merge = (target: unknown, intoItemId = 'b2') =>
      ({
        type: 'MergeLedgerItem',
        data: act('b1'),
        intoItemId,
        into: target,
        today,
      }) as LedgerItemCommand;
    given(ledgerItemDecider, [recorded(board('b1'))])
      .when(merge(into))
      .then([{ type: 'LedgerItemMerged', data: { ...act('b1'), intoItemId: 'b2' } }]);
    given(ledgerItemDecider, [recorded(board('b1'))])
      .when(merge({ ...into, status: 'removed' }))
      .then(refused('invalid', 'merge_target_invalid'));
    given(ledgerItemDecider, [recorded(board('b1'))])
      .when(merge({ ...into, item: { ...into.item, communityId: 'hongqiao' } }))
      .then(refused('invalid', 'merge_target_invalid'));
    given(ledgerItemDecider, [recorded(board('b1'))])
      .when(merge({ status: 'none' }, 'b1'))
      .then(refused('invalid', 'merge_target_invalid'));
  });

  describe('keeping', () => {
    const keep = (streetApproval: boolean) =>
      ({
        type: 'KeepLedgerItem',
        data: act('b1'),
        rule: defaultLedgerSettings,
        streetApproval,
        today,
      }) satisfies LedgerItemCommand;

    it('keeps a board of the locality’s rule without the street', () => {
      given(ledgerItemDecider, [recorded(board('b1', 'party'))])
        .when(keep(false))
        .then([
          {
            type: 'LedgerItemKept',
            data: { ...act('b1'), ruleBoard: 'party', streetApproval: false },
          },
        ]);
    });

    it('refuses to keep a board outside the rule without a street approval', () => {
      given(ledgerItemDecider, [recorded(board('b1'))])
        .when(keep(false))
        .then(refused('forbidden', 'keep_outside_rule'));
      // A board code the locality's rule does not hold is outside it too.
      given(ledgerItemDecider, [recorded(board('b1', 'civility'))])
        .when(keep(false))
        .then(refused('forbidden', 'keep_outside_rule'));
    });

    it('keeps an item outside the rule with a street approval', () => {
      given(ledgerItemDecider, [recorded(board('b1'))])
        .when(keep(true))
        .then([{ type: 'LedgerItemKept', data: { ...act('b1'), streetApproval: true } }]);
    });
  });

  describe('re-inspection', () => {
    const inspect = (present: boolean, department?: string) =>
      ({
        type: 'RecordReinspection',
        data: { itemId: 'b1', inspectedOn: today, present, photos: [photo], inspectedBy: 's1' },
        ...(department ? { department } : {}),
        today,
      }) satisfies LedgerItemCommand;

    it('schedules a re-inspection, not in the past', () => {
      const data = { itemId: 'b1', dueOn: '2026-04-01', scheduledBy: 's1' };
      given(ledgerItemDecider, [recorded(board('b1')), removed('b1')])
        .when({ type: 'ScheduleReinspection', data, today })
        .then([{ type: 'LedgerReinspectionScheduled', data }]);
      given(ledgerItemDecider, [recorded(board('b1'))])
        .when({ type: 'ScheduleReinspection', data: { ...data, dueOn: '2026-03-01' }, today })
        .then(refused('invalid', 'due_in_past'));
    });

    it('finds a removed item gone: no relapse', () => {
      given(ledgerItemDecider, [recorded(board('b1')), removed('b1')])
        .when(inspect(false))
        .then([{ type: 'LedgerItemReinspected', data: inspect(false).data }]);
    });

    it('flags a removed item back as a relapse, naming the department', () => {
      given(ledgerItemDecider, [recorded(board('b1')), removed('b1')])
        .when(inspect(true, '区综治办'))
        .then([
          { type: 'LedgerItemReinspected', data: inspect(true).data },
          {
            type: 'LedgerItemRelapsed',
            data: { itemId: 'b1', inspectedOn: today, department: '区综治办' },
          },
        ]);
      given(ledgerItemDecider, [recorded(board('b1')), removed('b1')])
        .when(inspect(true))
        .then(refused('invalid', 'relapse_department_required'));
    });

    it('a relapsed item can be removed again; an item still in place is no relapse', () => {
      const relapsed: LedgerEvent = {
        type: 'LedgerItemRelapsed',
        data: { itemId: 'b1', inspectedOn: today, department: '区综治办' },
      };
      given(ledgerItemDecider, [recorded(board('b1')), removed('b1'), relapsed])
        .when({ type: 'RemoveLedgerItem', data: act('b1', today), today })
        .then([{ type: 'LedgerItemRemoved', data: act('b1', today) }]);
      given(ledgerItemDecider, [recorded(board('b1'))])
        .when(inspect(true))
        .then([{ type: 'LedgerItemReinspected', data: inspect(true).data }]);
    });
  });
});

describe('ledger settings', () => {
  it('sets the keep-rule and who keeps the catalogues', () => {
    const data = {
      keepBoards: [{ code: 'party', name: '党组织' }],
      catalogueLevel: 'street' as const,
      changedBy: 'admin',
    };
    given(ledgerSettingsDecider, [])
      .when({ type: 'ChangeLedgerSettings', data })
      .then([{ type: 'LedgerSettingsChanged', data }]);
    given(ledgerSettingsDecider, [])
      .when({
        type: 'ChangeLedgerSettings',
        data: { ...data, keepBoards: [...data.keepBoards, { code: 'party', name: '党支部' }] },
      })
      .then(refused('invalid', 'keep_board_repeated'));
  });
});
