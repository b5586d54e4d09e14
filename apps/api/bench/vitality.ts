// `npm run bench:vitality`: the vitality index (docs/vitality-index.md) of a street of 30
// communities over a year, read as the public reads it: `meeting.vitality` over HTTP (the Hono
// app's fetch, in process) on the embedded SQLite store, from the meeting read model the runner
// built out of the events. Each community keeps a council of nine voting members and a recorder
// that meets four times a month (1,440 meetings, with sign-ins, a motion and its vote each).
// Prints the time of the street's year (and of one community's) over several runs; the figure
// goes in docs/performance.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { organisationCommands } from '@gongzhi/api';
import { defaultBodyRules, meetingStreams } from '@gongzhi/domain';
import { uuidv7, type EventMetadata } from '@gongzhi/eventstore';
import { createHttpApp } from '../src/http.ts';
import { openRuntime } from '../src/runtime.ts';

const COMMUNITIES = 30;
const MEETINGS_PER_MONTH = 4;
const YEAR = 2025;
const STREET = 'bench-street';
const RUNS = 7;

const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-bench-vitality-'));
const runtime = await openRuntime({
  store: 'sqlite',
  dataDir,
  seed: false,
  notificationSender: null,
  durability: 'normal',
});
try {
  const metadata = (occurredAt: string): EventMetadata => ({
    actor: 'system',
    channel: 'system',
    correlationId: 'bench-vitality',
    occurredAt,
  });
  const event = (type: string, data: unknown, occurredAt: string) => ({
    id: uuidv7(),
    type,
    schemaVersion: 1,
    data,
    metadata: metadata(occurredAt),
  });
  const w = {
    store: runtime.store,
    readModels: runtime.runner,
    metadata: metadata(`${YEAR - 1}-01-01T00:00:00.000Z`),
  };
  await organisationCommands.registerStreet(w, { streetId: STREET, name: '基准街道' });

  const started = performance.now();
  let meetings = 0;
  for (let c = 0; c < COMMUNITIES; c++) {
    const communityId = `bench-c${c}`;
    await organisationCommands.registerCommunity(w, {
      communityId,
      streetId: STREET,
      kind: 'urban',
      name: `基准社区${c}`,
    });
    // The meeting events are appended as the deciders would write them: the bench measures the
    // reading, not the commands.
    const bodyId = `bench-body-${c}`;
    const members = Array.from({ length: 10 }, (_, i) => `bench-r-${c}-${i}`);
    const roster = members.map((residentId, i) => ({
      residentId,
      kind: 'resident' as const,
      role: i === 0 ? ('chair' as const) : i === 9 ? ('recorder' as const) : ('member' as const),
    }));
    const rules = defaultBodyRules('residents_council');
    const since = `${YEAR - 1}-01-01T00:00:00.000Z`;
    await runtime.store.append(meetingStreams.body(bodyId), [
      event(
        'MeetingBodyEstablished',
        {
          bodyId,
          communityId,
          streetId: STREET,
          kind: 'residents_council',
          name: '居民议事会',
          rules,
        },
        since,
      ),
      ...roster.map((line) =>
        event('BodyMemberJoined', { bodyId, ...line, from: `${YEAR - 1}-01-01` }, since),
      ),
    ]);
    for (let month = 1; month <= 12; month++) {
      for (let k = 0; k < MEETINGS_PER_MONTH; k++) {
        const n = meetings++;
        const meetingId = `bench-m-${n}`;
        const startsAt = `${YEAR}-${String(month).padStart(2, '0')}-${String(2 + 7 * k).padStart(2, '0')}T11:00:00.000Z`;
        const noticedAt = new Date(
          Date.parse(startsAt) - (n % 7 === 0 ? 1 : 5) * 86_400_000,
        ).toISOString();
        const itemId = `${meetingId}-item`;
        const motionId = `${meetingId}-motion`;
        const present = members.slice(0, 5 + (n % 5));
        await runtime.store.append(meetingStreams.meeting(meetingId), [
          event(
            'MeetingConvened',
            {
              meetingId,
              bodyId,
              communityId,
              streetId: STREET,
              bodyKind: 'residents_council',
              title: '月度议事会',
              agenda: [{ itemId, title: '月度议题', reserved: false }],
              startsAt,
              place: '议事厅',
              noticedAt,
              rules,
              lateNotice: n % 7 === 0,
              roster,
            },
            noticedAt,
          ),
          event('MotionTabled', { meetingId, motionId, itemId, text: '同意实施方案。' }, startsAt),
          event(
            'MotionVoted',
            {
              meetingId,
              motionId,
              vote: { method: 'count', for: present.length - 1, against: 1, abstain: 0 },
              present: present.filter((id) => id !== members[9]),
              entitled: 9,
              majority: rules.majority,
              needed: Math.floor(present.length / 2) + 1,
              passed: true,
            },
            startsAt,
          ),
          event('MeetingClosed', { meetingId }, startsAt),
        ]);
        for (const residentId of present) {
          await runtime.store.append(meetingStreams.attendance(meetingId, residentId), [
            event(
              'AttendeeSignedIn',
              { meetingId, residentId, as: 'member', via: 'code' },
              startsAt,
            ),
          ]);
        }
      }
    }
  }
  const head = (await runtime.store.headPosition())!;
  await runtime.runner.waitForPosition(head, 600_000);
  console.log(
    `wrote and projected ${meetings} meetings of ${COMMUNITIES} communities (${head} events) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const app = createHttpApp(runtime);
  const read = async (place: object) => {
    const input = encodeURIComponent(JSON.stringify({ place, year: YEAR }));
    const t = performance.now();
    const response = await app.fetch(
      new Request(`http://bench/trpc/meeting.vitality?input=${input}`),
    );
    const body = (await response.json()) as {
      result: { data: { months: { evidence: unknown[] }[] } };
    };
    const ms = performance.now() - t;
    if (response.status !== 200) throw new Error(`meeting.vitality answered ${response.status}`);
    return { ms, meetings: body.result.data.months.reduce((sum, m) => sum + m.evidence.length, 0) };
  };
  const measure = async (label: string, place: object) => {
    const times: number[] = [];
    let counted = 0;
    for (let i = 0; i < RUNS; i++) {
      const { ms, meetings: seen } = await read(place);
      times.push(ms);
      counted = seen;
    }
    times.sort((a, b) => a - b);
    console.log(
      `${label}: ${counted} meetings, ${RUNS} runs: min ${times[0]!.toFixed(1)} ms, median ${times[RUNS >> 1]!.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`,
    );
  };
  await measure(`street of ${COMMUNITIES} communities, 12 months`, {
    type: 'street',
    streetId: STREET,
  });
  await measure('one community, 12 months', { type: 'community', communityId: 'bench-c0' });
} finally {
  await runtime.close();
  rmSync(dataDir, { recursive: true, force: true });
}
