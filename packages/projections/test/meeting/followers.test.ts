// Followers of a deliberative body on SQLite and PostgreSQL: the body followers read model keeps
// who follows which body; the notification read model tells the roster and the followers of a
// convened meeting, each once, and nobody who unfollowed or was forgotten (whose follows go from
// both); a rebuild writes the same rows.
import type { BodyFollowEvent, MeetingEvent } from '@gongzhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyFollowerProjection, listFollowedBodies } from '../../src/meeting/index.ts';
import {
  ensureNotificationStateTables,
  listInbox,
  notificationProjection,
} from '../../src/notification/index.ts';
import { engines, expectRebuildToMatch, startRecorder } from '../cycle/harness.ts';
import type { Harness, Recorder } from '../cycle/harness.ts';

const registered = (residentId: string) => ({
  type: 'ResidentRegistered',
  data: {
    residentId,
    phoneDigest: 'a'.repeat(64),
    birthYear: 1960,
    channel: 'online',
    personalSealed: 'sealed',
  },
});
const followed = (residentId: string): BodyFollowEvent => ({
  type: 'BodyFollowed',
  data: { bodyId: 'council', residentId },
});
const unfollowed = (residentId: string): BodyFollowEvent => ({
  type: 'BodyUnfollowed',
  data: { bodyId: 'council', residentId },
});
const convened = (meetingId: string): MeetingEvent => ({
  type: 'MeetingConvened',
  data: {
    meetingId,
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
    roster: [{ residentId: 'member', kind: 'resident', role: 'member' }],
  },
});
const follow = (residentId: string) => `meetingfollow-council-${residentId}`;

for (const [engine, open] of engines('meeting_followers')) {
  describe(`body followers on ${engine}`, () => {
    let h: Harness;
    let recorder: Recorder;
    const told = async (residentId: string, meetingId: string) =>
      (await listInbox(h.db, residentId)).filter((n) => n.link === `/meetings/${meetingId}`);

    beforeAll(async () => {
      h = await open();
      await ensureNotificationStateTables(h.db);
      recorder = await startRecorder(h, [notificationProjection, bodyFollowerProjection]);
      for (const id of ['member', 'r1', 'r2'])
        await recorder.record(`resident-${id}`, registered(id));
    });
    afterAll(async () => {
      await recorder.runner.stop();
      await h.close();
    });

    it('tells the roster and the followers of a convened meeting, each once', async () => {
      for (const id of ['member', 'r1', 'r2']) await recorder.record(follow(id), followed(id));
      expect([...(await listFollowedBodies(h.db, 'r1'))]).toEqual(['council']);
      await recorder.record('meeting-m1', convened('m1'));
      for (const id of ['member', 'r1', 'r2']) expect(await told(id, 'm1')).toHaveLength(1);
    });

    it('tells nobody who unfollowed or was forgotten', async () => {
      await recorder.record(follow('r1'), unfollowed('r1'));
      await recorder.record('resident-r2', {
        type: 'ResidentForgotten',
        data: { residentId: 'r2', requestedBy: 'self' },
      });
      expect(await listFollowedBodies(h.db, 'r1')).toEqual(new Set());
      expect(await listFollowedBodies(h.db, 'r2')).toEqual(new Set());
      await recorder.record('meeting-m2', convened('m2'));
      expect(await told('member', 'm2')).toHaveLength(1);
      expect(await told('r1', 'm2')).toEqual([]);
      expect(await told('r2', 'm2')).toEqual([]);
    });

    it('writes the same rows on a rebuild', async () => {
      await expectRebuildToMatch(h, bodyFollowerProjection);
      await expectRebuildToMatch(h, notificationProjection);
    });
  });
}
