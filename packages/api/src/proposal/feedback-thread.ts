// Who reads and writes a feedback thread (意见共商) as the author, and the thread as they see it.
// An author is any author of the proposal (a merged duplicate's too); the submitting author's
// proxy reads and writes for them; the community's workers and committee members read it as the
// community and write through feedback.respond, never in the author's name.
import { say } from '@gongzhi/domain';
import { hasGrant } from '@gongzhi/auth';
import { listCyclesOfCommunity } from '@gongzhi/projections/cycle';
import { readFeedbackThread, readParticipation } from '@gongzhi/projections/proposal';
import { proposalScope } from '../access.ts';
import type { Context } from '../context.ts';
import { actingFor, type Acting } from '../resident/acting.ts';
import { ApiRefusal } from '../trpc.ts';
import { actingForAuthor, ROUND_TABLE } from './procedure-helpers.ts';

/** The caller, when they are one of the proposal's authors (a merged duplicate's too). */
async function ownAuthorship(ctx: Context, proposalId: string): Promise<Acting | undefined> {
  const account = ctx.account!;
  if (account.kind !== 'resident') return undefined;
  const role = await readParticipation(ctx.services.readModels.db, proposalId, account.accountId);
  return role === 'author'
    ? { actor: account.accountId, onBehalfOf: undefined, channel: 'online' }
    : undefined;
}

/**
 * Who reads a thread: an author, or the submitting author's proxy (as `author`; only the
 * submitter carries the proposal forward), or the community's workers and committee members (as
 * `community`); anyone else is refused.
 */
async function threadReader(
  ctx: Context,
  proposalId: string,
): Promise<{ as: 'author' | 'community'; mayCarry: boolean }> {
  const account = ctx.account!;
  const scope = await proposalScope(ctx, proposalId);
  if (account.kind === 'staff') {
    if (ROUND_TABLE.some((role) => hasGrant(account.grants, role, scope))) {
      return { as: 'community', mayCarry: false };
    }
    throw new ApiRefusal(
      'FORBIDDEN',
      'not_in_scope',
      say(
        '只有本社区的社区工作者和两委成员可以查看意见交流。',
        'Only workers and committee members of the community can read the feedback thread.',
      ),
      ctx.locale,
    );
  }
  const thread = await readFeedbackThread(ctx.services.readModels.db, proposalId);
  const submitter = thread?.authorResidentId ?? '';
  if (account.accountId !== submitter && (await ownAuthorship(ctx, proposalId))) {
    return { as: 'author', mayCarry: false };
  }
  await actingFor(ctx, submitter, 'propose', scope);
  return { as: 'author', mayCarry: true };
}

/**
 * The thread as its reader sees it, with how they read it; for the submitting author (or their
 * proxy) also the cycles of the street open for proposals it can be carried into.
 */
export async function readThreadFor(ctx: Context, proposalId: string) {
  const { as, mayCarry } = await threadReader(ctx, proposalId);
  const db = ctx.services.readModels.db;
  const thread = (await readFeedbackThread(db, proposalId))!;
  const carryTargets =
    mayCarry && thread.carriedTo === null
      ? (await listCyclesOfCommunity(db, thread.communityId)).filter(
          (c) => c.phase === 'proposing' && c.cycleId !== thread.cycleId,
        )
      : [];
  const { authorResidentId: _author, ...shown } = thread;
  return { ...shown, as, mayCarry, carryTargets };
}

/** Who writes in the thread as the author: an author, or the submitting author's proxy. */
export async function replyingAuthor(
  ctx: Context,
  proposalId: string,
): Promise<{ acting: Acting; byResidentId: string }> {
  const own = await ownAuthorship(ctx, proposalId);
  const { acting, byResidentId } = own
    ? { acting: own, byResidentId: own.actor }
    : await actingForAuthor(ctx, proposalId);
  // A worker writes for the community (feedback.respond), never in the author's name.
  if (acting.channel === 'offline') {
    throw new ApiRefusal(
      'FORBIDDEN',
      'reply_as_community',
      say(
        '社区工作者请以社区名义回复，不能代提议人留言。',
        'Community workers reply for the community, not in the author’s name.',
      ),
      ctx.locale,
    );
  }
  return { acting, byResidentId };
}
