import { m } from '$lib/paraglide/messages';
import { formText, itemRefusal, itemSuccess } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

// My proposals and those I co-signed, with what I can still do with each: edit until screening
// starts, withdraw until voting, resubmit one the round-table returned while screening is open.
export const load: PageServerLoad = async ({ locals, cookies }) => {
  const minPosition = lastWrite(cookies);
  const { proposals } = await locals.api.proposal.mine.query({ minPosition });
  const cycleIds = [...new Set(proposals.map((p) => p.cycleId))];
  const cycles = Object.fromEntries(
    await Promise.all(
      cycleIds.map(async (cycleId) => {
        const cycle = await locals.api.cycle.get.query({ cycleId, minPosition });
        return [
          cycleId,
          { title: cycle.title, titleEn: cycle.titleEn, phase: cycle.phase },
        ] as const;
      }),
    ),
  );
  return { proposals, cycles };
};

export const actions: Actions = {
  withdraw: async ({ request, locals, cookies }) => {
    const data = await request.formData();
    const proposalId = String(data.get('proposalId') ?? '');
    const reason = formText(data, 'reason');
    try {
      const result = await locals.api.proposal.withdraw.mutate({
        proposalId,
        ...(reason === '' ? {} : { reason }),
      });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      return itemRefusal(proposalId, cause);
    }
    return itemSuccess(proposalId, m.proposal_withdrawn());
  },
};
