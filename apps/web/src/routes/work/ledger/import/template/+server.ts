import type { RequestHandler } from './$types';

// The import template (XLSX, headers in the person's language), as a download.
export const GET: RequestHandler = async ({ locals }) => {
  const template = await locals.api.ledger.importTemplate.query();
  return new Response(Buffer.from(template.base64, 'base64'), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="ledger-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent(template.name)}`,
    },
  });
};
