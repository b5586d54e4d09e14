import { fail, redirect } from '@sveltejs/kit';
import { fieldErrorsOf, isApiError } from '@gongzhi/api/client';
import { m } from '$lib/paraglide/messages';
import { batchHref } from '$lib/paper/text';
import { paperRefusal } from '$lib/server/paper';
import { rememberWrite } from '$lib/server/read-your-writes';
import type { Actions } from './$types';

// The third worker settles each sheet the two entries read differently or that has a problem
// (the batch is loaded by the layout): the right reading, or rejecting the sheet with a reason.
// Then the batch counts.

type Decision =
  | { serial: string; outcome: 'first' | 'second' }
  | { serial: string; outcome: 'rejected'; reason: string };

export const actions: Actions = {
  default: async ({ request, locals, cookies, params, url }) => {
    const data = await request.formData();
    const communityId = url.searchParams.get('community') ?? '';
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const values: Record<string, { outcome: string; reason: string }> = {};
    const errors: Record<string, string> = {};
    const decisions: Decision[] = [];
    for (const serial of data.getAll('serial').map(String)) {
      const outcome = text(`decision-${serial}`);
      const reason = text(`reason-${serial}`);
      values[serial] = { outcome, reason };
      if (outcome === 'first' || outcome === 'second') decisions.push({ serial, outcome });
      else if (outcome === 'rejected') {
        if (reason === '') errors[serial] = m.paper_reason_needed();
        decisions.push({ serial, outcome, reason });
      } else errors[serial] = m.paper_decision_needed();
    }
    if (Object.keys(errors).length > 0) {
      return fail(400, { values, errors, text: m.error_form_heading(), kind: 'error' as const });
    }
    try {
      const result = await locals.api.ballot.paperBatches.resolve.mutate({
        cycleId: params.cycleId,
        communityId,
        batchId: params.batchId,
        decisions,
      });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      for (const { path, message } of fieldErrorsOf(cause)) {
        const index = /^decisions\.(\d+)/.exec(path)?.[1];
        const decision = index === undefined ? undefined : decisions[Number(index)];
        if (decision) errors[decision.serial] = message;
      }
      return paperRefusal(cause, { values, errors, text: cause.message });
    }
    redirect(303, `${batchHref('', params.cycleId, params.batchId, communityId)}&resolved=1`);
  },
};
