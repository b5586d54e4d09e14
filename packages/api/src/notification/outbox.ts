// The outbox of notices for residents' phones: the notification projection writes one message
// per notice; a sender (SMS, WeChat) drains them. Delivery is at least once: a message is marked
// sent after its sender returns, so a crash in between sends it again on the next drain.
//
// Messages name a resident by id only; a real SMS sender looks the number up itself (through the
// personal-data vault), so that the outbox holds no personal data. The console sender ships.
import {
  listUndelivered,
  markDelivered,
  type OutboxMessage,
} from '@gongzhi/projections/notification';
import type { SqlExecutor } from '@gongzhi/projections';

export type { OutboxMessage } from '@gongzhi/projections/notification';

export interface NotificationSender {
  /** Delivers one message; throws to leave it in the outbox for the next drain. */
  send(message: OutboxMessage): Promise<void>;
}

/** Prints each message on the console: the shipped stand-in for an SMS or WeChat gateway. */
export const consoleNotificationSender: NotificationSender = {
  async send(message) {
    console.log(`[通知 notice → ${message.residentId}] ${message.message['zh-CN']}`);
  },
};

/** Keeps what it is given, for tests. */
export function createMemoryNotificationSender(): NotificationSender & {
  readonly sent: OutboxMessage[];
} {
  const sent: OutboxMessage[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
    },
  };
}

/**
 * The sender GONGZHI_NOTIFICATION_SENDER names: `console` (the default) or `none` (messages stay
 * in the outbox until a sender drains them).
 */
export function notificationSenderFromEnv(value: string | undefined): NotificationSender | null {
  if (value === undefined || value === '' || value === 'console') return consoleNotificationSender;
  if (value === 'none') return null;
  throw new Error(`GONGZHI_NOTIFICATION_SENDER must be console or none, not ${value}`);
}

/**
 * Sends every undelivered message, oldest first, `limit` at a time, marking each sent; stops at
 * the first failure (the rest wait for the next drain, in order). Returns how many were sent.
 */
export async function drainOutbox(
  db: SqlExecutor,
  sender: NotificationSender,
  options: { limit?: number; now?: () => Date } = {},
): Promise<number> {
  const limit = options.limit ?? 100;
  let sent = 0;
  for (;;) {
    const messages = await listUndelivered(db, limit);
    for (const message of messages) {
      await sender.send(message);
      await markDelivered(db, message.noticeId, (options.now?.() ?? new Date()).toISOString());
      sent++;
    }
    if (messages.length < limit) return sent;
  }
}
