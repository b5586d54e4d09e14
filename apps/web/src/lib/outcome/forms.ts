// The forms of a cycle's outcome notice: an objection to a pool project or to a count, and a
// worker's answer to one. Plain strings; the API judges the values.
import { z } from 'zod';

const text = z.string().default('');

/** `target` is `<communityId>` (the count) or `<communityId>/<proposalId>` (a pool project). */
export const objectionForm = z.object({
  target: text,
  text,
  /** Photos stored by an earlier post of this form that was refused. */
  photoIds: z.array(z.string()).default([]),
});

/** `answer`: uphold or dismiss, with the reason the notice page shows. */
export const answerForm = z.object({ answer: text, reason: text });
