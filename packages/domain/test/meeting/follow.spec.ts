// Following a body (关注议事机构): idempotent both ways, refused for an unknown body; a convened
// meeting's notice reaches its roster and its followers, each once.
import { describe, expect, it } from 'vitest';
import {
  bodyDecider,
  bodyFollowDecider,
  conveningNotice,
  type BodyFollowEvent,
  type MeetingEventOf,
} from '../../src/meeting/index.ts';
import { fold } from '../../src/shared/index.ts';
import { given, refused } from '../given.ts';
import { bodyEvents } from './fixtures.ts';

const data = { bodyId: 'council', residentId: 'r1' };
const body = fold(bodyDecider, bodyEvents);
const followed: BodyFollowEvent = { type: 'BodyFollowed', data };
const unfollowed: BodyFollowEvent = { type: 'BodyUnfollowed', data };

describe('following a body', () => {
  it('follows an established body', () => {
    given(bodyFollowDecider, []).when({ type: 'FollowBody', data, body }).then([followed]);
  });

  it('writes nothing when already following', () => {
    given(bodyFollowDecider, [followed]).when({ type: 'FollowBody', data, body }).then([]);
  });

  it('follows again after unfollowing', () => {
    given(bodyFollowDecider, [followed, unfollowed])
      .when({ type: 'FollowBody', data, body })
      .then([followed]);
  });

  it('refuses an unknown body', () => {
    given(bodyFollowDecider, [])
      .when({ type: 'FollowBody', data, body: { status: 'none' } })
      .then(refused('not_found', 'body_not_found'));
  });

  it('unfollows a followed body', () => {
    given(bodyFollowDecider, [followed]).when({ type: 'UnfollowBody', data }).then([unfollowed]);
  });

  it('writes nothing when unfollowing what one does not follow', () => {
    given(bodyFollowDecider, []).when({ type: 'UnfollowBody', data }).then([]);
    given(bodyFollowDecider, [followed, unfollowed]).when({ type: 'UnfollowBody', data }).then([]);
  });
});

describe('the convening notice', () => {
  const convened: MeetingEventOf<'MeetingConvened'> = {
    type: 'MeetingConvened',
    data: {
      meetingId: 'mtg',
      bodyId: 'council',
      communityId: 'shuyuan',
      streetId: 'yushan',
      bodyKind: 'residents_council',
      title: '四月议事会',
      agenda: [{ itemId: 'i1', title: '车棚漏雨', reserved: false }],
      startsAt: '2026-04-10T11:00:00.000Z',
      place: '议事厅',
      noticedAt: '2026-04-01T11:00:00.000Z',
      rules: { quorum: 'two_thirds', majority: 'of_present', noticeDays: 3 },
      lateNotice: false,
      roster: [
        { residentId: 'm1', kind: 'resident', role: 'member' },
        { residentId: 'm2', kind: 'resident', role: 'chair' },
      ],
    },
  };

  it('reaches the roster and the followers, a follower on the roster once', () => {
    expect(conveningNotice(convened, ['m2', 'f1']).recipients).toEqual(['m1', 'm2', 'f1']);
  });
});
