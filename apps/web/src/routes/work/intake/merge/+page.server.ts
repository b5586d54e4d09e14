import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { orNotFound } from '$lib/server/cycles';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { isApiError } from '@gongzhi/api/client';
import type { Actions, PageServerLoad } from './$types';

/** A duplicate can go into a proposal of its cycle and community the round-table has not decided on. */
const mergeable = ['submitted', 'under_screening', 'survey', 'returned', 'resubmitted'] as const;

// A worker merges a duplicate (`?duplicate=`) into another proposal they choose.
export const load: PageServerLoad = async ({ locals, cookies, url, parent }) => {
  const { community } = await parent();
  const minPosition = lastWrite(cookies);
  const duplicateId = url.searchParams.get('duplicate') ?? '';
  const duplicate = await orNotFound(
    locals.api.proposal.get.query({ proposalId: duplicateId, minPosition }),
  );
  if (duplicate.communityId !== community.communityId) error(404, m.proposal_merge_elsewhere());
  const { proposals } = await locals.api.proposal.list.query({
    cycleId: duplicate.cycleId,
    communityId: duplicate.communityId,
    status: [...mergeable],
    minPosition,
  });
  return {
    duplicate,
    targets: proposals.filter((p) => p.proposalId !== duplicate.proposalId),
  };
};

export const actions: Actions = {
  default: async ({ request, locals, cookies, url }) => {
    const data = await request.formData();
    const duplicateId = String(data.get('duplicateId') ?? '');
    const targetId = String(data.get('targetId') ?? '');
    const note = String(data.get('note') ?? '').trim();
    if (targetId === '') return fail(400, { targetId, note, text: m.proposal_merge_choose() });
    try {
      const result = await locals.api.proposal.merge.mutate({
        duplicateId,
        targetId,
        ...(note === '' ? {} : { note }),
      });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      const status = cause.data?.httpStatus ?? 500;
      return fail(status >= 400 && status < 600 ? status : 500, {
        targetId,
        note,
        text: cause.message,
      });
    }
    const community = encodeURIComponent(url.searchParams.get('community') ?? '');
    redirect(303, `/work/intake?community=${community}&merged=1`);
  },
};
