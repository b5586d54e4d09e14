// The reminder a day ahead (签到前确认): those holding a place on a shift that starts within the
// next 24 hours and who have not confirmed are asked to, once; the notification read model
// writes the notice to their inbox and the outbox (ShiftReminderSent).
import { DomainError } from '@gongzhi/domain';
import { listShiftsToRemind } from '@gongzhi/projections/team';
import type { Writer } from '../commands.ts';
import type { ApiServices } from '../context.ts';
import { caughtUpToHead } from '../positions.ts';
import { onActivity } from './activities.ts';

const AHEAD_MS = 24 * 3_600_000;

/** Sends the reminders due now; answers how many shifts were reminded. */
export async function remindShifts(services: ApiServices): Promise<number> {
  const at = services.now?.() ?? new Date();
  // Sign-ups and confirmations of a moment ago count: the list is read once it holds them.
  await caughtUpToHead(services);
  const due = await listShiftsToRemind(
    services.readModels.db,
    at.toISOString(),
    new Date(at.getTime() + AHEAD_MS).toISOString(),
  );
  let reminded = 0;
  for (const { activityId, shiftId } of due) {
    const w: Writer = {
      store: services.store,
      readModels: services.readModels,
      metadata: {
        actor: 'system',
        channel: 'system',
        correlationId: `shift-reminder-${shiftId}`,
        occurredAt: at.toISOString(),
      },
    };
    try {
      const result = await onActivity(w, activityId, () => ({
        type: 'RemindShift',
        data: { activityId, shiftId },
      }));
      if (result.events.length > 0) reminded += 1;
    } catch (error) {
      if (error instanceof DomainError) continue;
      throw error;
    }
  }
  return reminded;
}
