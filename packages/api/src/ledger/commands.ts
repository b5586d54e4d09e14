// Ledger commands as the API and the demo seed run them. What other streams say (the community's
// street, the item merged into, the locality's keep-rule) is read inside `command`, so a retry
// decides on fresh facts. "Today" is the day (China time) of the writer's metadata.
import {
  chinaDate,
  describeLedgerEvent,
  ledgerEventSchemas,
  ledgerItemDecider,
  ledgerSettingsDecider,
  ledgerStreams,
  parseLedgerEvent,
  refuse,
  say,
} from '@gongzhi/domain';
import type {
  LedgerActInput,
  LedgerEvent,
  LedgerEventData,
  LedgerItemCommand,
  LedgerItemInput,
  LedgerItemState,
  LedgerSettings,
  LocalizedText,
} from '@gongzhi/domain';
import { executeCommand, readState, type EventCodec, type Writer } from '../commands.ts';
import { communityRecord } from '../organisation/commands.ts';

export const ledgerCodec: EventCodec<LedgerEvent> = {
  read: (recorded) => parseLedgerEvent(recorded.type, recorded.data),
  versionOf: (type) => ledgerEventSchemas[type].version,
  describe: describeLedgerEvent,
};

export const ledgerItemRecord = (itemId: string) => ({
  stream: ledgerStreams.item(itemId),
  decider: ledgerItemDecider,
  codec: ledgerCodec,
});

export const ledgerSettingsRecord = () => ({
  stream: ledgerStreams.settings(),
  decider: ledgerSettingsDecider,
  codec: ledgerCodec,
});

const itemSubject = (state: LedgerItemState): LocalizedText =>
  state.status === 'none'
    ? say('台账事项', 'The ledger item')
    : say(`台账事项「${state.item.title}」`, `The ledger item “${state.item.title}”`);

const todayOf = (w: Writer) => chinaDate(w.metadata.occurredAt);

function onItem(w: Writer, itemId: string, command: () => Promise<LedgerItemCommand>) {
  return executeCommand(w.store, {
    ...ledgerItemRecord(itemId),
    command,
    subject: itemSubject,
    metadata: w.metadata,
  });
}

/** The locality's settings: as set, or the default (the four organisational boards). */
export async function ledgerSettings(w: Pick<Writer, 'store'>): Promise<LedgerSettings> {
  const { keepBoards, catalogueLevel } = (await readState(w.store, ledgerSettingsRecord())).state;
  return { keepBoards, catalogueLevel };
}

export const changeLedgerSettings = (w: Writer, settings: LedgerSettings) =>
  executeCommand(w.store, {
    ...ledgerSettingsRecord(),
    command: () => ({
      type: 'ChangeLedgerSettings' as const,
      data: { ...settings, changedBy: w.metadata.actor },
    }),
    subject: () => say('减负规则', 'The burden-reduction rules'),
    metadata: w.metadata,
  });

/** Records an item of a community's register; the street is the community's own. */
export const recordLedgerItem = (
  w: Writer,
  data: LedgerItemInput & {
    itemId: string;
    communityId: string;
    recordedOn?: string;
    source?: LedgerEventData<'LedgerItemRecorded'>['source'];
  },
) =>
  onItem(w, data.itemId, async () => {
    const community = (await readState(w.store, communityRecord(data.communityId))).state;
    if (community.status !== 'open') {
      return refuse(
        'conflict',
        'community_not_open',
        '这个社区或村不在册，不能登记。',
        'This community or village is not open; nothing can be recorded for it.',
        'communityId',
      );
    }
    const { recordedOn, source, ...item } = data;
    return {
      type: 'RecordLedgerItem',
      data: {
        ...item,
        kind: item.details.kind,
        streetId: community.streetId,
        recordedOn: recordedOn ?? todayOf(w),
        recordedBy: w.metadata.actor,
        source: source ?? 'form',
      },
      today: todayOf(w),
    };
  });

export type LedgerAct =
  | { act: 'remove' | 'retire' }
  | { act: 'merge'; intoItemId: string }
  | { act: 'keep'; streetApproval: boolean };

/** One act on an item: removed, merged, retired or kept. */
export const actOnLedgerItem = (w: Writer, data: LedgerActInput & { itemId: string } & LedgerAct) =>
  onItem(w, data.itemId, async () => {
    const { itemId, basis, reason, approver, actedOn, beforePhotos, afterPhotos } = data;
    const acted = {
      data: {
        ...{ itemId, basis, reason, approver, actedOn, beforePhotos, afterPhotos },
        actedBy: w.metadata.actor,
      },
      today: todayOf(w),
    };
    switch (data.act) {
      case 'remove':
        return { type: 'RemoveLedgerItem', ...acted };
      case 'retire':
        return { type: 'RetireLedgerItem', ...acted };
      case 'merge':
        return {
          type: 'MergeLedgerItem',
          ...acted,
          intoItemId: data.intoItemId,
          into: (await readState(w.store, ledgerItemRecord(data.intoItemId))).state,
        };
      case 'keep':
        return {
          type: 'KeepLedgerItem',
          ...acted,
          rule: await ledgerSettings(w),
          streetApproval: data.streetApproval,
        };
    }
  });

export const scheduleReinspection = (w: Writer, data: { itemId: string; dueOn: string }) =>
  onItem(w, data.itemId, async () => ({
    type: 'ScheduleReinspection',
    data: { ...data, scheduledBy: w.metadata.actor },
    today: todayOf(w),
  }));

export const recordReinspection = (
  w: Writer,
  data: {
    itemId: string;
    inspectedOn: string;
    present: boolean;
    notes?: string;
    photos: LedgerEventData<'LedgerItemReinspected'>['photos'];
    department?: string;
  },
) =>
  onItem(w, data.itemId, async () => {
    const { department, ...inspection } = data;
    return {
      type: 'RecordReinspection',
      data: { ...inspection, inspectedBy: w.metadata.actor },
      ...(department ? { department } : {}),
      today: todayOf(w),
    };
  });
