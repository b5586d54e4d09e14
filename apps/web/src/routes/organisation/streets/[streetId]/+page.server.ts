import { error } from '@sveltejs/kit';
import { isApiError } from '@gongzhi/api/client';
import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies, params }) => {
  try {
    return {
      street: await locals.api.organisation.street.query({
        streetId: params.streetId,
        minPosition: lastWrite(cookies),
      }),
    };
  } catch (cause) {
    // A malformed id is as absent as an unknown one.
    const status = isApiError(cause) ? cause.data?.httpStatus : undefined;
    if (status === 404 || status === 400) error(404, cause instanceof Error ? cause.message : '');
    throw cause;
  }
};
