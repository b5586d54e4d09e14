// How public pages name the residents behind a proposal: by a label, never by name or id.
//
// The label is a short digest of the proposal and the resident together, so it stays the same
// within one proposal (the author's edits, each co-signer) but differs from one proposal to the
// next: nobody can follow a resident across proposals by their label. Once a resident is
// forgotten their label becomes 已注销居民 / Former resident.
import { createHash } from 'node:crypto';
import { formerResidentName } from '@gongzhi/domain';
import type { LocalizedText } from '@gongzhi/domain';

export function residentLabel(
  proposalId: string,
  residentId: string,
  forgotten: boolean,
): LocalizedText {
  if (forgotten) return formerResidentName;
  const code = createHash('sha256')
    .update(`${proposalId}\n${residentId}`)
    .digest('hex')
    .slice(0, 6);
  return { 'zh-CN': `居民 #${code}`, en: `Resident #${code}` };
}
