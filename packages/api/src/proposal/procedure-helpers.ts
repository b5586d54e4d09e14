// What the proposal procedures (router.ts, staff.ts, feedback.ts) share: the roles of the
// community's screening, what an author writes, acting for a proposal's author, and a queue
// entry with its author.
import { z } from 'zod';
import {
  fenSchema,
  idSchema,
  locationSchema,
  photoRules,
  projectCategorySchema,
  proposalDescriptionSchema,
  proposalTitleSchema,
  say,
} from '@gongzhi/domain';
import type { Role } from '@gongzhi/auth';
import { readResident } from '@gongzhi/projections/resident';
import { proposalNotFound } from '../access.ts';
import { readState } from '../commands.ts';
import type { Context } from '../context.ts';
import { currentLocale } from '../input.ts';
import { actingFor } from '../resident/acting.ts';
import { proposalRecord } from './commands.ts';

export const WORKERS: readonly Role[] = ['community_worker'];
export const ROUND_TABLE: readonly Role[] = ['community_worker', 'committee_member'];

/** Both coordinates or neither, said in the caller's language. */
export const locationInput = z.object(locationSchema.shape).superRefine((location, issues) => {
  if ((location.lat === undefined) !== (location.lng === undefined)) {
    issues.addIssue({
      code: 'custom',
      path: [location.lat === undefined ? 'lat' : 'lng'],
      message: say('经度和纬度须同时填写', 'Give latitude and longitude together')[currentLocale()],
    });
  }
});

export const photoIdsInput = z.array(idSchema).max(photoRules.maxCount);

/** What an author writes; photos by the ids their upload answered. */
export const contentInput = {
  title: proposalTitleSchema,
  description: proposalDescriptionSchema,
  category: projectCategorySchema,
  estimatedCost: fenSchema,
  location: locationInput,
  photoIds: photoIdsInput.optional(),
};

/** The author the caller acts for on an author-only act (edit, withdraw, resubmit). */
export async function actingForAuthor(ctx: Context, proposalId: string) {
  const { state: proposal } = await readState(ctx.services.store, proposalRecord(proposalId));
  if (proposal.status === 'none') return proposalNotFound(proposalId);
  const acting = await actingFor(ctx, proposal.authorResidentId, 'propose', {
    communityId: proposal.communityId,
  });
  return { acting, byResidentId: proposal.authorResidentId };
}

/** A proposal as a queue shows it to a worker: with the author's name and masked number. */
export async function withAuthor<Entry extends { authorResidentId: string }>(
  ctx: Context,
  entry: Entry,
) {
  const author = await readResident(ctx.services.readModels.db, entry.authorResidentId);
  return {
    ...entry,
    author: author && { name: author.name, phoneMasked: author.phoneMasked },
  };
}
