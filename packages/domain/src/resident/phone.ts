// One resident per mainland mobile number. The invariant has its own stream per number,
// `phone-<digest>`, named by a keyed digest (never the number): its first event claims the number
// for one resident, appended with `no_stream`, so two registrations of one number cannot both
// succeed, whatever the read model says. Registering is two appends: claim the number, then
// register the resident; a retry after a failure between the two finds the number claimed by the
// same resident and goes on. Forgetting a resident releases the number; claiming it again is then
// appended at the revision it was read at.
import type { Decider } from '../shared/decider.ts';
import { refuse } from '../shared/errors.ts';
import type { ResidentEventData, ResidentEventOf } from './events.ts';

export type PhoneClaimState = { claimedBy: string | undefined };

export type PhoneClaimCommand =
  | { type: 'ClaimPhone'; data: ResidentEventData<'PhoneClaimed'> }
  | { type: 'ReleasePhone'; data: ResidentEventData<'PhoneReleased'> };

export type PhoneClaimEvent = ResidentEventOf<'PhoneClaimed' | 'PhoneReleased'>;

export const phoneClaimDecider: Decider<PhoneClaimCommand, PhoneClaimEvent, PhoneClaimState> = {
  initialState: () => ({ claimedBy: undefined }),
  evolve: (_state, event) => ({
    claimedBy: event.type === 'PhoneClaimed' ? event.data.residentId : undefined,
  }),
  decide(command, state) {
    switch (command.type) {
      case 'ClaimPhone':
        if (state.claimedBy === undefined) return [{ type: 'PhoneClaimed', data: command.data }];
        if (state.claimedBy === command.data.residentId) return [];
        return refuse(
          'conflict',
          'phone_taken',
          '该手机号已经注册。如果这是您的号码，请直接登录，或到社区服务站求助。',
          'This mobile number is already registered. If it is yours, sign in, or ask at the community service centre.',
        );
      case 'ReleasePhone':
        // Releasing what the resident does not hold changes nothing: forgetting can be retried.
        return state.claimedBy === command.data.residentId
          ? [{ type: 'PhoneReleased', data: command.data }]
          : [];
    }
  },
};
