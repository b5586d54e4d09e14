// Live pages (server-sent events): `GET /live/<topic>/<id>` keeps a text/event-stream open and
// sends `event: changed` with `data: {"position":"<n>"}` after every batch the projection runner
// committed that touched a stream of that topic's id, so the page re-reads its read model with
// `minPosition: n` (already applied: the runner reports a batch once its read models committed).
// The first message, `event: ready`, carries the position applied so far; a comment line every
// 15 s keeps proxies from closing the connection.
//
// Generic: a topic is a name and a rule saying which streams belong to an id. Adding one is an
// entry in `liveTopics`. Only the fact and position of a change cross the wire, never its
// content; the page reads the content through the API, with its own access checks. Today the
// runner runs in this process; across API instances the same route will be fed from PostgreSQL
// LISTEN/NOTIFY instead of `onApplied`, behind the same `LiveSource`.
import { idSchema, meetingStreams } from '@gongzhi/domain';
import type { ProjectionRunner } from '@gongzhi/projections';
import { resolveLocale } from '@gongzhi/api';
import type { Env, Hono } from 'hono';

/** Which streams belong to the id of a topic. */
export type LiveTopic = (id: string) => (stream: string) => boolean;

export const liveTopics: Record<string, LiveTopic> = {
  /** A meeting: its own stream and every attendance stream (sign-ins, leavings). */
  meeting: (meetingId) => {
    const own = meetingStreams.meeting(meetingId);
    const attendance = meetingStreams.attendancePrefix(meetingId);
    return (stream) => stream === own || stream.startsWith(attendance);
  },
};

/** Where changes come from: the projection runner in this process. */
export type LiveSource = Pick<ProjectionRunner, 'onApplied' | 'position'>;

const KEEP_ALIVE_MS = 15_000;

const NO_SUCH_TOPIC = {
  'zh-CN': '没有这个实时更新频道。',
  en: 'There is no such live channel.',
};

export function serveLive<E extends Env>(app: Hono<E>, source: LiveSource, topics = liveTopics) {
  app.get('/live/:topic/:id', (c) => {
    const topic = Object.hasOwn(topics, c.req.param('topic'))
      ? topics[c.req.param('topic')]
      : undefined;
    const id = c.req.param('id');
    if (!topic || !idSchema.safeParse(id).success) {
      const message = NO_SUCH_TOPIC[resolveLocale(c.req.raw.headers)];
      return c.json({ error: { message, data: { reason: 'no_such_live_topic' } } }, 404);
    }
    const touches = topic(id);
    const encoder = new TextEncoder();
    let stop = () => {};
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        let open = true;
        const send = (text: string) => {
          if (open) controller.enqueue(encoder.encode(text));
        };
        const message = (event: string, position: bigint | undefined) =>
          send(
            `event: ${event}\ndata: ${JSON.stringify({ position: String(position ?? 0n) })}\n\n`,
          );
        send('retry: 2000\n');
        message('ready', source.position());
        const unsubscribe = source.onApplied((batch) => {
          for (const stream of batch.streams) {
            if (touches(stream)) return message('changed', batch.position);
          }
        });
        const keepAlive = setInterval(() => send(': keep-alive\n\n'), KEEP_ALIVE_MS);
        stop = () => {
          if (!open) return;
          open = false;
          unsubscribe();
          clearInterval(keepAlive);
          controller.close();
        };
        c.req.raw.signal.addEventListener('abort', () => stop());
      },
      cancel: () => stop(),
    });
    return new Response(body, {
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        'x-accel-buffering': 'no',
      },
    });
  });
}
