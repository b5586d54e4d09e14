import { error } from '@sveltejs/kit';
import { isApiError } from '@gongzhi/api/client';
import { hoursCsv } from '$lib/team/hours-csv';
import type { RequestHandler } from './$types';

// The confirmed records of the period as CSV (docs/volunteer-hours-export.md), for the same staff
// the report page serves: the API decides who may.
export const GET: RequestHandler = async ({ locals, url }) => {
  const get = (name: string) => url.searchParams.get(name) ?? '';
  const communityId = get('communityId');
  try {
    const report = await locals.api.team.hours.query({
      streetId: get('streetId'),
      ...(communityId ? { communityId } : {}),
      from: get('from'),
      until: get('until'),
    });
    const filename = `volunteer-hours-${communityId || get('streetId')}-${get('from')}-${get('until')}.csv`;
    return new Response(hoursCsv(report.records), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${filename.replace(/[^\w.-]/gu, '_')}"`,
      },
    });
  } catch (caught) {
    if (isApiError(caught)) error(caught.data?.httpStatus ?? 400, caught.message);
    throw caught;
  }
};
