import { fail, redirect } from '@sveltejs/kit';
import { fieldErrorsOf, isApiError } from '@gongzhi/api/client';
import { receiptSchema } from '@gongzhi/domain';
import { m } from '$lib/paraglide/messages';
import { batchHref } from '$lib/paper/text';
import { rowOf } from '$lib/server/forms';
import { paperRefusal } from '$lib/server/paper';
import { rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

const DEFAULT_ROWS = 10;
const MAX_ROWS = 200;

const rowCount = (value: string | null) =>
  Math.min(MAX_ROWS, Math.max(DEFAULT_ROWS, Number.parseInt(value ?? '', 10) || DEFAULT_ROWS));

// One worker's entry of a whole batch, sheet by sheet: serial number, the receipt code printed on
// the sheet (optional: sheets printed without one get a generated receipt), voter (found with the
// worker search by phone number or name; when several match, the worker chooses among them on
// the answer), and the projects marked. `?rows=` gives more rows without JavaScript.
export const load: PageServerLoad = ({ url }) => ({ rows: rowCount(url.searchParams.get('rows')) });

export interface EntryRow {
  serial: string;
  receipt: string;
  voter: string;
  voterId: string;
  choices: string[];
  /** Residents the voter text matches, when the worker must choose. */
  candidates: { residentId: string; label: string }[];
  errors: { serial?: string; receipt?: string; voter?: string; choices?: string };
}

export const actions: Actions = {
  default: async ({ request, locals, cookies, params, url }) => {
    const data = await request.formData();
    const communityId = url.searchParams.get('community') ?? '';
    const count = rowCount(String(data.get('rows') ?? ''));
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const rows: EntryRow[] = [];
    for (let i = 0; i < count; i++) {
      rows.push({
        serial: text(`serial-${i}`),
        receipt: text(`receipt-${i}`),
        voter: text(`voter-${i}`),
        voterId: text(`voterId-${i}`),
        choices: data.getAll(`choices-${i}`).map(String),
        candidates: [],
        errors: {},
      });
    }
    const filled = rows.filter(
      (r) => r.serial !== '' || r.receipt !== '' || r.voter !== '' || r.choices.length > 0,
    );
    let problem: string | undefined = filled.length === 0 ? m.paper_enter_nothing() : undefined;
    for (const row of filled) {
      if (row.serial === '') row.errors.serial = m.paper_serial_needed();
      if (row.receipt !== '') {
        const receipt = receiptSchema.safeParse(row.receipt);
        if (receipt.success) row.receipt = receipt.data;
        else row.errors.receipt = m.paper_receipt_invalid();
      }
      if (row.voter === '') {
        row.errors.voter = m.paper_voter_needed();
        continue;
      }
      const { residents } = await locals.api.resident.search.query({
        communityId,
        query: row.voter,
      });
      const label = (r: (typeof residents)[number]) =>
        `${r.name ?? m.paper_voter_unknown()} ${r.phoneMasked ?? ''}`.trim();
      row.candidates = residents.map((r) => ({ residentId: r.residentId, label: label(r) }));
      const chosen = residents.find((r) => r.residentId === row.voterId);
      if (chosen) continue;
      if (residents.length === 1) row.voterId = residents[0]!.residentId;
      else {
        row.voterId = '';
        row.errors.voter = residents.length === 0 ? m.paper_voter_none() : m.paper_voter_several();
      }
    }
    const invalid = () =>
      fail(400, { rows, text: problem ?? m.error_form_heading(), kind: 'error' as const });
    if (problem || filled.some((r) => Object.keys(r.errors).length > 0)) return invalid();
    try {
      const result = await locals.api.ballot.paperBatches.enter.mutate({
        cycleId: params.cycleId,
        communityId,
        batchId: params.batchId,
        sheets: filled.map((r) => ({
          serial: r.serial,
          voterId: r.voterId,
          choices: r.choices,
          ...(r.receipt !== '' && { receipt: r.receipt }),
        })),
      });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      const placed = fieldErrorsOf(cause).filter(({ path, message }) => {
        const row = filled[rowOf(path, 'sheets') ?? -1];
        const field = path.split('.')[2];
        if (
          !row ||
          (field !== 'serial' && field !== 'receipt' && field !== 'choices' && field !== 'voterId')
        )
          return false;
        row.errors[field === 'voterId' ? 'voter' : field] = message;
        return true;
      });
      problem = placed.length > 0 ? m.error_form_heading() : cause.message;
      return paperRefusal(cause, { rows, text: problem });
    }
    redirect(303, `${batchHref('', params.cycleId, params.batchId, communityId)}&saved=1`);
  },
};
