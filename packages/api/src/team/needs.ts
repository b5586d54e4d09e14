// Need commands as the API runs them (stream need-<needId>), and where a need belongs: the
// community and street named by its first event, so that staff of that community (or street)
// accept claims on it and no one else — read from the store, not a read model, so that a need
// posted a moment ago is already in scope.
import type { Scope } from '@gongzhi/auth';
import {
  describeNeedEvent,
  needDecider,
  needEventSchemas,
  needStreams,
  parseNeedEvent,
  refuse,
  type LocalizedText,
  type NeedCommand,
  type NeedEvent,
  type NeedState,
} from '@gongzhi/domain';
import { executeCommand, type EventCodec, type Writer } from '../commands.ts';
import type { Context } from '../context.ts';
import { firstEvent } from '../organisation/places.ts';
import type { Access } from '../trpc.ts';
import { TEAM_STAFF } from './queries.ts';

export const needCodec: EventCodec<NeedEvent> = {
  read: (recorded) => parseNeedEvent(recorded.type, recorded.data),
  versionOf: (type) => needEventSchemas[type].version,
  describe: describeNeedEvent,
};

export const needRecord = (needId: string) => ({
  stream: needStreams.need(needId),
  decider: needDecider,
  codec: needCodec,
});

const needSubject = (state: NeedState): LocalizedText =>
  state.status === 'none'
    ? { 'zh-CN': '这项服务需求', en: 'The service need' }
    : { 'zh-CN': `服务需求「${state.posted.title}」`, en: `The need “${state.posted.title}”` };

/** Runs one need command, built from the need's current state (again on a retry). */
export function onNeed(
  w: Writer,
  needId: string,
  command: (state: NeedState) => NeedCommand | Promise<NeedCommand>,
) {
  return executeCommand(w.store, {
    ...needRecord(needId),
    command,
    subject: needSubject,
    metadata: w.metadata,
  });
}

export const needNotFound = (needId: string): never =>
  refuse(
    'not_found',
    'need_not_found',
    `找不到这项服务需求（编号 ${needId}）。`,
    `There is no service need with id ${needId}.`,
  );

/** The community of a need, from its first event. */
export async function needScope(
  ctx: Context,
  needId: string,
): Promise<Extract<Scope, { type: 'community' }>> {
  const event = await firstEvent(ctx, needStreams.need(needId), parseNeedEvent);
  if (event?.type !== 'NeedPosted') return needNotFound(needId);
  return { type: 'community', communityId: event.data.communityId, streetId: event.data.streetId };
}

/** Staff of the community (or street) of the need the input names. */
export const needStaff = (action: LocalizedText): Access<{ needId: string }> => ({
  roles: TEAM_STAFF,
  scope: (input, ctx) => needScope(ctx, input.needId),
  action,
});
