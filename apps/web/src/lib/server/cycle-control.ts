// The forms that steer a published cycle: move to the next phase, amend budgets or the schedule
// (each with a reason, recorded in the cycle's public history).
import { z } from 'zod';

const text = z.string().default('');

// Phase moves and amendments carry no expected revision: each is judged on the cycle as it is
// (a phase can only follow the current one), and the reason goes into the public history.
export const advanceForm = z.object({ to: text, reason: text });
export const budgetForm = z.object({
  communityIds: z.array(z.string()).default([]),
  budgets: z.array(z.string()).default([]),
  reason: text,
});
export const scheduleForm = z.object({
  proposing: text,
  screening: text,
  voting: text,
  publicity: text,
  implementing: text,
  evaluating: text,
  closed: text,
  reason: text,
});
export const publishForm = z.object({});
