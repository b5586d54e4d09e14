// The staff inbox: what waits for a staff member's act, each item with the page where it is done.
// It is read from the read models the acts change (objections not answered, ties declared and not
// decided, feedback owed to authors not selected, paper batches whose entries wait for a third
// worker, erasures waiting for a second person), in the communities where the member's grants allow that act, so an item appears as
// soon as the work does and is gone once somebody has done it. It names no resident: a tie is
// shown by its kind and community, an objection by its cycle, never by its text, an erasure by
// when it was requested.
import { hasGrant, type Grant, type Role } from '@gongzhi/auth';
import { listPaperBatchesToResolve } from '@gongzhi/projections/ballot';
import { readCycle } from '@gongzhi/projections/cycle';
import { listCommunities } from '@gongzhi/projections/organisation';
import { listUnansweredObjections } from '@gongzhi/projections/outcome';
import { listFeedbackOwed } from '@gongzhi/projections/proposal';
import { listPendingErasures, listVerificationQueue } from '@gongzhi/projections/resident';
import type { TieKind } from '@gongzhi/domain';
import type { SqlExecutor } from '@gongzhi/projections';

export type StaffWorkKind = 'objection' | 'tie' | 'feedback' | 'paper_batch' | 'erasure';

/**
 * Who may do each act, as the procedures that do it declare: outcome.answer, resident.verifyTie,
 * feedback.give, ballot.paperBatches.resolve, resident.confirmErasure.
 */
const ACTORS: Record<StaffWorkKind, readonly Role[]> = {
  objection: ['community_worker', 'street_officer', 'city_admin'],
  tie: ['community_worker', 'committee_member', 'street_officer'],
  feedback: ['community_worker'],
  paper_batch: ['community_worker'],
  erasure: ['community_worker', 'street_officer'],
};

export interface StaffWorkItem {
  kind: StaffWorkKind;
  /** Unique in the inbox: the kind and the id of what waits. */
  workId: string;
  communityId: string;
  community: { name: string; nameEn: string | null };
  cycle: { cycleId: string; title: string; titleEn: string | null } | null;
  /** The proposal's title (feedback), the batch's label (paper), else null. */
  subject: string | null;
  /** The kind of tie to verify. */
  tieKind: TieKind | null;
  /** Since when it waits, ISO-8601 UTC. */
  since: string;
  /** The page where the act is done. */
  link: string;
}

const encoded = encodeURIComponent;

/** Everything waiting for the acts `grants` allow (the account itself excluded where it may not act), newest first. */
export async function listStaffWork(
  db: SqlExecutor,
  account: { accountId: string; grants: readonly Grant[] },
): Promise<StaffWorkItem[]> {
  const communities = (await listCommunities(db)).filter((c) => c.status === 'open');
  const reach = (kind: StaffWorkKind) =>
    communities
      .filter((c) =>
        hasGrant(account.grants, ACTORS[kind], {
          type: 'community',
          communityId: c.communityId,
          streetId: c.streetId,
        }),
      )
      .map((c) => c.communityId);
  const inEach = <T>(kind: StaffWorkKind, list: (communityId: string) => Promise<T[]>) =>
    Promise.all(reach(kind).map(list)).then((lists) => lists.flat());
  const [objections, ties, feedback, batches, erasures] = await Promise.all([
    listUnansweredObjections(db, reach('objection')),
    inEach('tie', (id) => listVerificationQueue(db, id)),
    listFeedbackOwed(db, { communityIds: reach('feedback') }),
    listPaperBatchesToResolve(db, reach('paper_batch')),
    inEach('erasure', (id) => listPendingErasures(db, id)),
  ]);

  const cycles = new Map<string, StaffWorkItem['cycle']>();
  for (const cycleId of new Set([
    ...objections.map((o) => o.cycleId),
    ...feedback.map((f) => f.cycleId),
    ...batches.map((b) => b.cycleId),
  ])) {
    const cycle = await readCycle(db, cycleId);
    cycles.set(cycleId, cycle ? { cycleId, title: cycle.title, titleEn: cycle.titleEn } : null);
  }
  const names = new Map(
    communities.map((c) => [c.communityId, { name: c.name, nameEn: c.nameEn }]),
  );
  const item = (
    fields: Omit<StaffWorkItem, 'community' | 'cycle' | 'subject' | 'tieKind'> &
      Partial<Pick<StaffWorkItem, 'subject' | 'tieKind'>> & { cycleId?: string },
  ): StaffWorkItem => {
    const { cycleId, ...rest } = fields;
    return {
      subject: null,
      tieKind: null,
      ...rest,
      community: names.get(fields.communityId) ?? { name: fields.communityId, nameEn: null },
      cycle: cycleId === undefined ? null : (cycles.get(cycleId) ?? null),
    };
  };
  const inCommunity = (communityId: string) => `community=${encoded(communityId)}`;

  const items: StaffWorkItem[] = [
    ...objections.map((o) =>
      item({
        kind: 'objection',
        workId: `objection:${o.objectionId}`,
        communityId: o.communityId,
        cycleId: o.cycleId,
        since: o.filedAt,
        link: `/cycles/${encoded(o.cycleId)}/notice/${encoded(o.objectionId)}`,
      }),
    ),
    // A worker who declared a tie for a resident may not verify it: it waits for another one.
    ...ties
      .filter((t) => t.declaredBy !== account.accountId)
      .map((t) =>
        item({
          kind: 'tie',
          workId: `tie:${t.tieId}`,
          communityId: t.communityId,
          tieKind: t.kind,
          since: t.declaredAt,
          link: `/work/verification?${inCommunity(t.communityId)}`,
        }),
      ),
    ...feedback.map((f) =>
      item({
        kind: 'feedback',
        workId: `feedback:${f.proposalId}`,
        communityId: f.communityId,
        cycleId: f.cycleId,
        subject: f.title,
        since: f.talliedAt,
        link: `/work/feedback/${encoded(f.proposalId)}?${inCommunity(f.communityId)}`,
      }),
    ),
    // The two workers who entered a batch may not resolve it.
    ...batches
      .filter((b) => b.firstBy !== account.accountId && b.secondBy !== account.accountId)
      .map((b) =>
        item({
          kind: 'paper_batch',
          workId: `paper_batch:${b.cycleId}:${b.batchId}`,
          communityId: b.communityId,
          cycleId: b.cycleId,
          subject: b.label,
          since: b.openedAt,
          link: `/work/paper-ballots/${encoded(b.cycleId)}/${encoded(b.batchId)}/resolve?${inCommunity(b.communityId)}`,
        }),
      ),
    // A requested erasure waits for a second person: never the worker who requested it. Once
    // confirmed it waits for nobody (anyone here may still stop it on the erasures page).
    ...erasures
      .filter((e) => e.status === 'requested' && e.requestedBy !== account.accountId)
      .map((e) =>
        item({
          kind: 'erasure',
          workId: `erasure:${e.erasureId}`,
          communityId: e.communityId,
          since: e.requestedAt,
          link: `/work/erasures?${inCommunity(e.communityId)}`,
        }),
      ),
  ];
  return items.sort((a, b) => (a.since < b.since ? 1 : a.since > b.since ? -1 : 0));
}
