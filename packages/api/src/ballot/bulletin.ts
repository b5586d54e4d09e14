// What the public sees of a community's bulletin (domain: bulletinDisclosure). During voting the
// number of ballots only, so that nobody watching sees a receipt's choices change; once voting
// has closed every ballot by receipt, or, in a community with fewer ballots than the cycle's
// minimum, the votes per project. The street officers of the cycle's street and city
// administrators still download the full files of such a community, to count it again and check
// the digest the tally records; nobody downloads them before voting has closed.
import {
  bulletinDisclosure,
  defaultBulletinMinimum,
  refuse,
  type BulletinDisclosure,
  type PublishedCycle,
} from '@gongzhi/domain';
import { hasGrant } from '@gongzhi/auth';
import { countBallots, findReceipt, listBulletin } from '@gongzhi/projections/ballot';
import type { Context } from '../context.ts';
import { publishedCycle } from '../cycle/commands.ts';

const OFFICERS = ['city_admin', 'street_officer'] as const;

/** The cycle's street officers and city administrators see a small community's full bulletin. */
const mayRecount = (ctx: Context, cycle: PublishedCycle) =>
  hasGrant(ctx.account?.grants ?? [], OFFICERS, { type: 'street', streetId: cycle.streetId });

export const bulletinMinimumOf = (cycle: PublishedCycle) =>
  cycle.definition.bulletinMinimum ?? defaultBulletinMinimum;

export const disclosureOf = (cycle: PublishedCycle, ballots: number): BulletinDisclosure =>
  bulletinDisclosure(cycle.phase, cycle.definition.bulletinMinimum, ballots);

function requireCommunity(cycle: PublishedCycle, communityId: string) {
  if (!cycle.definition.communities.some((c) => c.communityId === communityId)) {
    return refuse(
      'not_found',
      'community_not_in_cycle',
      `社区（编号 ${communityId}）不在本项目周期内。`,
      `The community ${communityId} is not part of this cycle.`,
    );
  }
}

/**
 * A community's bulletin as the caller may see it. `files`: whether the caller may download the
 * bulletin files (everyone when the ballots are public; the cycle's officers when totals are).
 */
export async function publicBulletin(
  ctx: Context,
  place: { cycleId: string; communityId: string },
) {
  const cycle = await publishedCycle(ctx.services.store, place.cycleId);
  requireCommunity(cycle, place.communityId);
  const db = ctx.services.readModels.db;
  const ballots =
    (await countBallots(db, place.cycleId)).find((c) => c.communityId === place.communityId)
      ?.ballots ?? 0;
  const minimum = bulletinMinimumOf(cycle);
  const disclosure = disclosureOf(cycle, ballots);
  if (disclosure === 'count') return { disclosure, ballots, minimum, files: false };
  const rows = await listBulletin(db, place);
  if (disclosure === 'ballots') return { disclosure, ballots, minimum, files: true, rows };
  const votes = new Map<string, number>();
  for (const row of rows) for (const id of row.choices) votes.set(id, (votes.get(id) ?? 0) + 1);
  return {
    disclosure,
    ballots,
    minimum,
    files: mayRecount(ctx, cycle),
    /** Votes per project chosen at least once, by proposal id. */
    totals: [...votes]
      .map(([proposalId, n]) => ({ proposalId, votes: n }))
      .sort((a, b) => (a.proposalId < b.proposalId ? -1 : 1)),
  };
}

/**
 * The ballot a receipt stands for, once voting has closed (before, `published` is false and
 * nothing is said of the receipt, not even whether it still counts). In a community whose
 * bulletin shows totals only the receipt still finds its ballot: the receipt is unguessable, so
 * this tells its holder what they already hold, and lists nobody else's ballot.
 */
export async function ballotOfReceipt(ctx: Context, query: { cycleId: string; receipt: string }) {
  const cycle = await publishedCycle(ctx.services.store, query.cycleId);
  if (disclosureOf(cycle, 0) === 'count') return { published: false as const, ballot: null };
  const ballot = await findReceipt(ctx.services.readModels.db, query);
  return { published: true as const, ballot: ballot ?? null };
}

/**
 * Refuses the bulletin files before voting has closed (to everyone), and those of a community
 * with fewer ballots than the minimum to anyone but the cycle's officers.
 */
export function requireFilesAllowed(ctx: Context, cycle: PublishedCycle, ballots: number): void {
  const disclosure = disclosureOf(cycle, ballots);
  if (disclosure === 'count') {
    refuse(
      'conflict',
      'bulletin_not_published',
      '投票结束后才公布选票公告板；投票期间只公布已投票数。',
      'The ballot bulletin is published when voting closes; during voting only the number of ballots is.',
    );
  }
  if (disclosure === 'totals' && !mayRecount(ctx, cycle)) {
    const minimum = bulletinMinimumOf(cycle);
    refuse(
      'forbidden',
      'bulletin_totals_only',
      `本社区选票少于 ${minimum} 张，为保护投票秘密，只公布各项目得票数，不公布逐张选票；街道工作人员可下载完整选票复核计票。`,
      `This community has fewer than ${minimum} ballots: to keep them secret, only the votes per project are published, not each ballot. The street's officers can download every ballot to recount.`,
    );
  }
}
