// One outcome report (public): the latest version, or `?version=N`; its hash, the previous hash,
// the chain's check, what changed from the version before, charts and tables, downloads. As of a
// past day (`?asOf=`), the version that was the latest then.
import { error } from '@sveltejs/kit';
import { orNotYet, pastView } from '$lib/server/as-of';
import { orNotFound } from '$lib/server/cycles';
import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { params, url, cookies } = event;
  const view = pastView(event);
  const asked = url.searchParams.get('version');
  const version = asked === null ? undefined : Number(asked);
  if (version !== undefined && !(Number.isInteger(version) && version >= 1)) error(404);
  const report = await orNotFound(
    orNotYet(
      view,
      view.api.report.report.query({
        reportId: params.reportId,
        ...(version === undefined ? {} : { version }),
        ...(view.asOf === null && { minPosition: lastWrite(cookies) }),
      }),
    ),
  );
  return { report, asOf: view.asOf, nowHref: view.nowHref };
};
