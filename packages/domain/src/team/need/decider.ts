// The need stream's decider: `decide` only dispatches.
import type { Decider } from '../../shared/decider.ts';
import type { LocalizedText } from '../../shared/errors.ts';
import {
  acceptNeedClaim,
  claimNeed,
  postNeed,
  type AcceptNeedClaim,
  type ClaimNeed,
  type PostNeed,
} from './commands.ts';
import type { NeedEvent } from './events.ts';
import { evolveNeed, initialNeedState, type NeedState } from './state.ts';

export type NeedCommand = PostNeed | ClaimNeed | AcceptNeedClaim;

export function decideNeed(command: NeedCommand, state: NeedState): NeedEvent[] {
  switch (command.type) {
    case 'PostNeed':
      return postNeed(command, state);
    case 'ClaimNeed':
      return claimNeed(command, state);
    case 'AcceptNeedClaim':
      return acceptNeedClaim(command, state);
  }
}

export const needDecider: Decider<NeedCommand, NeedEvent, NeedState> = {
  initialState: initialNeedState,
  evolve: evolveNeed,
  decide: decideNeed,
};

export function describeNeedEvent(event: NeedEvent): LocalizedText {
  switch (event.type) {
    case 'NeedPosted':
      return { 'zh-CN': '发布了服务需求', en: 'posted the need' };
    case 'NeedClaimed':
      return { 'zh-CN': '团队认领了需求', en: 'a team claimed the need' };
    case 'NeedClaimAccepted':
      return { 'zh-CN': '接受了认领', en: 'accepted a claim' };
    case 'NeedClaimDeclined':
      return { 'zh-CN': '婉拒了认领', en: 'declined a claim' };
  }
}
