// How an API refusal reads on a form: a refusal about a field beside that field (and the field
// marked), and "someone changed this first" only when someone did.
import { TRPCClientError } from '@trpc/client';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { ApiError } from '@gongzhi/api/client';
import { refusalKind } from './forms';
import { refusedBy } from './forms';

/** A refusal as the API client hands it to a page. */
function apiRefusal(
  httpStatus: number,
  reason: string,
  message: string,
  fieldErrors?: { path: string; message: string }[],
): ApiError {
  return new TRPCClientError(message, {
    result: {
      error: {
        code: -32600,
        message,
        data: { code: 'BAD_REQUEST', httpStatus, path: 'x', reason, fieldErrors },
      },
    },
  }) as ApiError;
}

/** The form answer of a refusal: always a failure, with the form and its status. */
function failure(answer: ReturnType<typeof refusedBy>) {
  if (!('status' in answer)) throw new Error('a refusal answered as a success');
  return { status: answer.status, form: answer.data.form };
}

const proposal = z.object({ title: z.string().default(''), estimatedCost: z.string().default('') });

describe('refusedBy', () => {
  test('puts a refusal about the cost beside the cost field', async () => {
    const form = await superValidate({ title: '座椅', estimatedCost: '40000' }, zod4(proposal));
    const text = '货物类项目每项不超过 30,000.00 元，本建议的费用为 40,000.00 元。';
    const answer = failure(
      refusedBy(
        form,
        apiRefusal(400, 'cost_above_cap', text, [{ path: 'estimatedCost', message: text }]),
      ),
    );
    expect(answer.status).toBe(400);
    expect(answer.form.errors).toEqual({ estimatedCost: [text] });
    expect(answer.form.message?.kind).toBe('error');
    // The top of the form only points at the fields.
    expect(answer.form.message?.text).not.toBe(text);
  });

  test('shows a refusal of the moment under its own reason, not as a conflict', async () => {
    const form = await superValidate({}, zod4(proposal));
    const text = '公示期到 2025-06-05 结束；公示期满后才能确认入选项目。';
    const answer = failure(refusedBy(form, apiRefusal(409, 'notice_period_open', text)));
    expect(answer.status).toBe(409);
    expect(answer.form.message).toEqual({ kind: 'error', text });
  });
});

describe('refusalKind', () => {
  test('is a conflict only when someone changed the thing meanwhile', () => {
    expect(refusalKind(apiRefusal(409, 'changed_meanwhile', ''))).toBe('conflict');
    expect(refusalKind(apiRefusal(409, 'revision_mismatch', ''))).toBe('conflict');
    expect(refusalKind(apiRefusal(409, 'kept_changing', ''))).toBe('conflict');
    expect(refusalKind(apiRefusal(409, 'objections_unanswered', ''))).toBe('error');
    expect(refusalKind(apiRefusal(403, 'out_of_scope', ''))).toBe('error');
  });
});
