// The bulletin of a community as a file to download: CSV, or pabulib .pb (the tally's input).
import { error } from '@sveltejs/kit';
import { orNotFound } from '$lib/server/micro';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
  const format = url.searchParams.get('format');
  if (format !== 'csv' && format !== 'pb') error(404);
  const file = await orNotFound(
    locals.api.ballot.bulletinFile.query({
      cycleId: url.searchParams.get('cycleId') ?? '',
      communityId: url.searchParams.get('communityId') ?? '',
      format,
    }),
  );
  return new Response(file.text, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.filename}"`,
    },
  });
};
