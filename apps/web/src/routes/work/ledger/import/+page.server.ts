import { fail } from '@sveltejs/kit';
import { fieldErrorsOf, isApiError } from '@gongzhi/api/client';
import { m } from '$lib/paraglide/messages';
import { formText } from '$lib/server/forms';
import { rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, RequestEvent } from './$types';

// Importing a community's register from a spreadsheet, in two posts that work without
// JavaScript: the file is checked (every row, each bad cell named), then imported with the rows
// the worker chose to skip. Between the two the file travels back in hidden fields.

const MAX_BYTES = 512 * 1024;

type SheetFile = { name: string; format: 'xlsx' | 'csv'; base64: string };

const formatOf = (name: string, type: string): SheetFile['format'] =>
  /\.csv$/i.test(name) || type === 'text/csv' ? 'csv' : 'xlsx';

async function fileOf(data: FormData): Promise<SheetFile | string> {
  const upload = data.get('file');
  if (upload instanceof File && upload.size > 0) {
    if (upload.size > MAX_BYTES) return m.ledger_import_too_large();
    const base64 = Buffer.from(await upload.arrayBuffer()).toString('base64');
    return { name: upload.name.slice(0, 200), format: formatOf(upload.name, upload.type), base64 };
  }
  const base64 = formText(data, 'fileBase64');
  if (!base64) return m.ledger_import_choose();
  return {
    name: formText(data, 'fileName').slice(0, 200),
    format: formText(data, 'fileFormat') === 'csv' ? 'csv' : 'xlsx',
    base64,
  };
}

const communityOf = (event: RequestEvent) => event.url.searchParams.get('community') ?? '';

async function preview(event: RequestEvent, file: SheetFile) {
  const result = await event.locals.api.ledger.importPreview.mutate({
    communityId: communityOf(event),
    file,
  });
  return { file, preview: result };
}

function refused<More extends object>(error: unknown, more?: More) {
  if (!isApiError(error)) throw error;
  const cells = fieldErrorsOf(error).filter((e) => e.path.startsWith('cells.'));
  return fail(error.data?.httpStatus ?? 400, {
    error:
      cells.length > 0
        ? error.message
        : [
            error.message,
            ...fieldErrorsOf(error)
              .filter((e) => e.path !== 'file')
              .map((e) => e.message),
          ].join(' '),
    ...more,
  });
}

export const actions: Actions = {
  preview: async (event) => {
    const file = await fileOf(await event.request.formData());
    if (typeof file === 'string') return fail(400, { error: file });
    try {
      return await preview(event, file);
    } catch (error) {
      return refused(error);
    }
  },

  import: async (event) => {
    const data = await event.request.formData();
    const file = await fileOf(data);
    if (typeof file === 'string') return fail(400, { error: file });
    const skipRows = data
      .getAll('skip')
      .map(Number)
      .filter((row) => Number.isInteger(row) && row >= 2);
    try {
      const done = await event.locals.api.ledger.import.mutate({
        communityId: communityOf(event),
        file,
        skipRows,
      });
      rememberWrite(event.cookies, done.position);
      return { done };
    } catch (error) {
      // The rows again, with the bad cells, beside the refusal.
      const again = await preview(event, file).catch(() => undefined);
      return refused(error, { ...again, skipRows });
    }
  },
};
