// Words of the paper ballot pages: where a batch stands, how two entries differ, why a sheet was
// set aside.
import { m } from '$lib/paraglide/messages';

export type PaperBatchStatus =
  'awaiting_first' | 'awaiting_second' | 'to_resolve' | 'counting' | 'counted';

const statusText: Record<PaperBatchStatus, () => string> = {
  awaiting_first: m.paper_status_awaiting_first,
  awaiting_second: m.paper_status_awaiting_second,
  to_resolve: m.paper_status_to_resolve,
  counting: m.paper_status_counting,
  counted: m.paper_status_counted,
};
export const paperStatusLabel = (status: PaperBatchStatus): string => statusText[status]();

const mismatchText = {
  only_first: m.paper_mismatch_only_first,
  only_second: m.paper_mismatch_only_second,
  voter: m.paper_mismatch_voter,
  receipt: m.paper_mismatch_receipt,
  choices: m.paper_mismatch_choices,
};
export const mismatchLabel = (mismatch: keyof typeof mismatchText | null): string =>
  mismatch ? mismatchText[mismatch]() : m.paper_mismatch_none();

const setAsideText = {
  serial_taken: m.paper_set_aside_serial_taken,
  receipt_taken: m.paper_set_aside_receipt_taken,
  already_voted: m.paper_set_aside_already_voted,
};
export const setAsideLabel = (reason: keyof typeof setAsideText): string => setAsideText[reason]();

/** The batch pages' address, keeping the community the worker chose. */
export const batchHref = (
  base: string,
  cycleId: string,
  batchId: string,
  communityId: string,
  page = '',
) =>
  `${base}/work/paper-ballots/${encodeURIComponent(cycleId)}/${encodeURIComponent(batchId)}${page}?community=${encodeURIComponent(communityId)}`;
