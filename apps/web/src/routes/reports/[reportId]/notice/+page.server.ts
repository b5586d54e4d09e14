// A report's notice (公示) as an A4 sheet for the community board: the key figures, the hash, and a
// QR code to the online version.
import { error } from '@sveltejs/kit';
import { qrSvg } from '$lib/meeting/qr';
import { orNotFound } from '$lib/server/cycles';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const asked = url.searchParams.get('version');
  const version = asked === null ? undefined : Number(asked);
  if (version !== undefined && !(Number.isInteger(version) && version >= 1)) error(404);
  const report = await orNotFound(
    locals.api.report.report.query({
      reportId: params.reportId,
      ...(version === undefined ? {} : { version }),
    }),
  );
  const onlineUrl = new URL(
    `/reports/${params.reportId}?version=${report.version}`,
    url.origin,
  ).toString();
  return { report, onlineUrl, qr: await qrSvg(onlineUrl) };
};
