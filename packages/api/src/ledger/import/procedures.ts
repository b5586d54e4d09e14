// The ledger's import procedures (mounted in the ledger's router): the template, the preview of a
// file row by row, and the import of its accepted rows. A file travels as base64 in the JSON body.
import { z } from 'zod';
import { idSchema, say } from '@gongzhi/domain';
import { communityStaff } from '../../access.ts';
import { writerFor } from '../../commands.ts';
import type { Context } from '../../context.ts';
import { ApiRefusal, procedure } from '../../trpc.ts';
import { LEDGER_STAFF } from '../procedure-helpers.ts';
import {
  importFileSchema,
  importTemplate,
  ImportRefused,
  MAX_IMPORT_ROWS,
  previewImport,
  runImport,
  UnreadableSheet,
} from './index.ts';

const IMPORT = say('导入减负台账', 'import the burden-reduction ledger');

/** A file that cannot be read, or bad cells in rows not skipped: a 400 naming each, nothing written. */
async function refusingBadFiles<T>(ctx: Context, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UnreadableSheet) {
      throw new ApiRefusal('BAD_REQUEST', 'unreadable_sheet', error.text, ctx.locale, [
        { path: 'file', message: error.text[ctx.locale] },
      ]);
    }
    if (error instanceof ImportRefused) {
      throw new ApiRefusal(
        'BAD_REQUEST',
        'import_cells_invalid',
        error.text,
        ctx.locale,
        error.fieldErrors,
      );
    }
    throw error;
  }
}

const fileInput = z.object({ communityId: idSchema, file: importFileSchema });

export const ledgerImportProcedures = {
  /** The XLSX template with the header in the caller's language, as base64. */
  importTemplate: procedure('public', z.object({}).optional()).query(async ({ ctx }) => ({
    name: ctx.locale === 'zh-CN' ? '减负台账导入模板.xlsx' : 'ledger-import-template.xlsx',
    base64: (await importTemplate(ctx.locale)).toString('base64'),
  })),

  /** What importing a file would do, row by row; writes nothing. */
  importPreview: procedure(communityStaff(LEDGER_STAFF, IMPORT), fileInput).mutation(
    ({ ctx, input }) => refusingBadFiles(ctx, () => previewImport(ctx.services, input, ctx.locale)),
  ),

  /** Imports a file's accepted rows (duplicates left out); refused while a row has bad cells. */
  import: procedure(
    communityStaff(LEDGER_STAFF, IMPORT),
    fileInput.extend({
      /** Rows (as numbered in the sheet) the worker chose to skip. */
      skipRows: z
        .array(
          z
            .number()
            .int()
            .min(2)
            .max(MAX_IMPORT_ROWS + 1000),
        )
        .max(MAX_IMPORT_ROWS),
    }),
  ).mutation(({ ctx, input }) =>
    refusingBadFiles(ctx, () => runImport(writerFor(ctx), input, ctx.locale)),
  ),
};
