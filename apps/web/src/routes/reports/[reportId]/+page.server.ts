// One outcome report (public): the latest version, or `?version=N`; its hash, the previous hash,
// the chain's check, what changed from the version before, charts and tables, downloads.
import { error } from '@sveltejs/kit';
import { orNotFound } from '$lib/server/cycles';
import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, cookies }) => {
  const asked = url.searchParams.get('version');
  const version = asked === null ? undefined : Number(asked);
  if (version !== undefined && !(Number.isInteger(version) && version >= 1)) error(404);
  const report = await orNotFound(
    locals.api.report.report.query({
      reportId: params.reportId,
      ...(version === undefined ? {} : { version }),
      minPosition: lastWrite(cookies),
    }),
  );
  return { report };
};
