import { fail, redirect } from '@sveltejs/kit';
import { isApiError } from '@gongzhi/api/client';
import { m } from '$lib/paraglide/messages';
import { chosenCycle, openCyclesOf } from '$lib/server/cycles';
import { paperRefusal } from '$lib/server/paper';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { batchHref } from '$lib/paper/text';
import type { Actions, PageServerLoad } from './$types';

// The paper ballot batches of the community in a cycle in voting (`?cycle=`), and opening one.
export const load: PageServerLoad = async ({ locals, cookies, url, parent }) => {
  const { community } = await parent();
  const minPosition = lastWrite(cookies);
  const cycles = (await openCyclesOf(locals.api, community, minPosition)).filter(
    (cycle) => cycle.phase === 'voting',
  );
  const cycle = chosenCycle(cycles, url, 'voting');
  if (!cycle) return { cycles: [], cycle: null, batches: [] };
  const batches = await locals.api.ballot.paperBatches.list.query({
    cycleId: cycle.cycleId,
    communityId: community.communityId,
    minPosition,
  });
  return {
    cycles: cycles.map((c) => ({ cycleId: c.cycleId, title: c.title, titleEn: c.titleEn })),
    cycle: { cycleId: cycle.cycleId, title: cycle.title, titleEn: cycle.titleEn },
    batches,
  };
};

export const actions: Actions = {
  open: async ({ request, locals, cookies }) => {
    const data = await request.formData();
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const label = text('label');
    const cycleId = text('cycleId');
    const communityId = text('communityId');
    if (label === '') {
      return fail(400, { label, error: m.paper_label_needed(), kind: 'error' as const });
    }
    let batchId: string;
    try {
      const result = await locals.api.ballot.paperBatches.open.mutate({
        cycleId,
        communityId,
        label,
      });
      rememberWrite(cookies, result.position);
      batchId = result.batchId;
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      return paperRefusal(cause, { label, error: cause.message });
    }
    redirect(303, batchHref('', cycleId, batchId, communityId));
  },
};
