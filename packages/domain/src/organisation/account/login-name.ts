// The login names staff sign in with. Login names are unique across accounts. That invariant has
// its own stream per name, `login-<loginName>`, whose first event claims the name for one
// account; the store's `no_stream` check makes two claims of one name impossible, whatever the
// read model says. Creating an account is two appends: claim the name, then create the account
// (commands.ts). A retry after a failure between the two finds the name already claimed by the
// same account and goes on.
import type { Decider } from '../../shared/decider.ts';
import { refuse } from '../../shared/errors.ts';
import type { EventOf, OrganisationEventData } from '../events.ts';

export type LoginNameState = { claimedBy: string | undefined };

export type LoginNameCommand = {
  type: 'ClaimLoginName';
  data: OrganisationEventData<'LoginNameClaimed'>;
};

export type LoginNameEvent = EventOf<'LoginNameClaimed'>;

export const loginNameDecider: Decider<LoginNameCommand, LoginNameEvent, LoginNameState> = {
  initialState: () => ({ claimedBy: undefined }),
  evolve: (_state, event) => ({ claimedBy: event.data.accountId }),
  decide(command, state) {
    if (state.claimedBy === undefined) return [{ type: 'LoginNameClaimed', data: command.data }];
    if (state.claimedBy === command.data.accountId) return [];
    return refuse(
      'conflict',
      'login_name_taken',
      `登录名「${command.data.loginName}」已被使用，请换一个。`,
      `The login name “${command.data.loginName}” is already taken; choose another.`,
    );
  },
};
