// A resident's ties to communities (lives, works, studies there), which make them eligible to
// take part. A tie names a community that exists and is open: the command handler folds the
// community's stream. Who may verify a tie (a worker of that community) is the API's
// authorization; that nobody decides their own tie, and that a worker who declared a tie for a
// resident does not verify it too (four eyes), are rules here. A tie a worker declared without
// the resident's agreement (`awaiting_resident`) waits for them to confirm or decline it.
import { refuse } from '../../shared/errors.ts';
import type { CommunityState } from '../../organisation/community/state.ts';
import type { ResidentEventOf, TieConsent, TieKind } from '../events.ts';
import type { CommunityTie, RegisteredResident, ResidentState } from '../state.ts';
import { requireActive } from './rules.ts';

/** A tie to declare, with the community folded from its stream. */
export interface TieDeclaration {
  tieId: string;
  communityId: string;
  kind: TieKind;
  community: CommunityState;
  /** A worker declaring it for the resident, and how the resident agreed. */
  declaredFor?: { by: string; consent: TieConsent };
}

export interface DeclareTie {
  type: 'DeclareTie';
  data: { residentId: string } & Omit<TieDeclaration, 'community'>;
  community: CommunityState;
}

export interface ConfirmTie {
  type: 'ConfirmTie';
  data: { residentId: string; tieId: string };
}

export interface DeclineTie {
  type: 'DeclineTie';
  data: { residentId: string; tieId: string };
}

export interface VerifyTie {
  type: 'VerifyTie';
  data: { residentId: string; tieId: string; note: string; verifiedBy: string };
}

export interface RejectTie {
  type: 'RejectTie';
  data: { residentId: string; tieId: string; reason: string; rejectedBy: string };
}

export function declareTie(
  command: DeclareTie,
  state: ResidentState,
): ResidentEventOf<'CommunityTieDeclared'>[] {
  const resident = requireActive(state, command.data.residentId);
  return [
    tieDeclared(
      resident.residentId,
      { ...command.data, community: command.community },
      resident.ties,
    ),
  ];
}

export function confirmTie(
  command: ConfirmTie,
  state: ResidentState,
): ResidentEventOf<'CommunityTieConfirmed'>[] {
  const { residentId, tieId } = command.data;
  const { communityId, streetId } = requireAwaitingResident(state, residentId, tieId);
  return [{ type: 'CommunityTieConfirmed', data: { residentId, tieId, communityId, streetId } }];
}

export function declineTie(
  command: DeclineTie,
  state: ResidentState,
): ResidentEventOf<'CommunityTieDeclined'>[] {
  const { residentId, tieId } = command.data;
  const { communityId, streetId } = requireAwaitingResident(state, residentId, tieId);
  return [{ type: 'CommunityTieDeclined', data: { residentId, tieId, communityId, streetId } }];
}

export function verifyTie(
  command: VerifyTie,
  state: ResidentState,
): ResidentEventOf<'CommunityTieVerified'>[] {
  const { residentId, tieId, note, verifiedBy } = command.data;
  const resident = requireActive(state, residentId);
  const tie = requireTie(resident, tieId);
  refuseOwnTie(resident, verifiedBy);
  if (tie.declaredBy === verifiedBy) {
    return refuse(
      'forbidden',
      'tie_declared_by_verifier',
      '这项社区联系是您代居民申报的，须由本社区另一位社区工作者或街道工作人员核实。',
      'You declared this tie for the resident; another worker of the community or an officer of its street has to verify it.',
    );
  }
  refuseUnconsented(tie);
  if (tie.status === 'verified') {
    return refuse(
      'conflict',
      'tie_already_verified',
      '这项社区联系已经核实过了。',
      'This tie to the community has already been verified.',
    );
  }
  if (tie.status === 'rejected') {
    return refuse(
      'conflict',
      'tie_rejected',
      '这项社区联系已被驳回，不能再核实；请居民重新申报。',
      'This tie was rejected and cannot be verified; the resident can declare it again.',
    );
  }
  const { communityId, streetId } = tie;
  return [
    {
      type: 'CommunityTieVerified',
      data: { residentId, tieId, communityId, streetId, verifiedBy, personal: { note } },
    },
  ];
}

export function rejectTie(
  command: RejectTie,
  state: ResidentState,
): ResidentEventOf<'CommunityTieRejected'>[] {
  const { residentId, tieId, reason, rejectedBy } = command.data;
  const resident = requireActive(state, residentId);
  const tie = requireTie(resident, tieId);
  refuseOwnTie(resident, rejectedBy);
  if (tie.status === 'rejected' || tie.status === 'declined') {
    return refuse(
      'conflict',
      'tie_already_rejected',
      '这项社区联系已经驳回过了。',
      'This tie to the community has already been rejected.',
    );
  }
  if (tie.status === 'verified') {
    return refuse(
      'conflict',
      'tie_already_verified',
      '这项社区联系已经核实，不能再驳回。',
      'This tie has already been verified and can no longer be rejected.',
    );
  }
  const { communityId, streetId } = tie;
  return [
    {
      type: 'CommunityTieRejected',
      data: { residentId, tieId, communityId, streetId, rejectedBy, personal: { reason } },
    },
  ];
}

const tieKindZh: Record<TieKind, string> = { lives: '居住', works: '工作', studies: '学习' };
const tieKindEn: Record<TieKind, string> = { lives: 'lives', works: 'works', studies: 'studies' };

/** The declaration of one tie, beside the ties already declared (on registration too). */
export function tieDeclared(
  residentId: string,
  tie: TieDeclaration,
  existing: readonly CommunityTie[],
): ResidentEventOf<'CommunityTieDeclared'> {
  const { tieId, communityId, kind, community, declaredFor } = tie;
  if (community.status === 'none') {
    return refuse(
      'not_found',
      'community_not_found',
      `找不到社区或村（编号 ${communityId}）。`,
      `There is no community or village with id ${communityId}.`,
    );
  }
  if (community.status === 'closed') {
    return refuse(
      'conflict',
      'community_closed',
      `「${community.name}」已撤销，不能再申报与它的联系。`,
      `“${community.name}” has been closed; ties to it can no longer be declared.`,
    );
  }
  if (existing.some((t) => t.tieId === tieId)) {
    return refuse(
      'conflict',
      'tie_id_taken',
      '这项社区联系已经申报过了。',
      'This tie has already been declared.',
    );
  }
  if (
    existing.some(
      (t) =>
        t.communityId === communityId &&
        t.kind === kind &&
        t.status !== 'rejected' &&
        t.status !== 'declined',
    )
  ) {
    return refuse(
      'conflict',
      'tie_exists',
      `您已申报在「${community.name}」${tieKindZh[kind]}。`,
      `You have already declared that you ${tieKindEn[kind]} in “${community.name}”.`,
    );
  }
  return {
    type: 'CommunityTieDeclared',
    data: {
      residentId,
      tieId,
      communityId,
      streetId: community.streetId,
      kind,
      ...(declaredFor && { declaredBy: declaredFor.by, consent: declaredFor.consent }),
    },
  };
}

function requireTie(resident: RegisteredResident, tieId: string): CommunityTie {
  const tie = resident.ties.find((t) => t.tieId === tieId);
  if (!tie) {
    return refuse(
      'not_found',
      'tie_not_found',
      '找不到这项社区联系申报。',
      'There is no such declared tie to a community.',
    );
  }
  return tie;
}

/** The tie a worker declared for the resident, still waiting for their answer. */
function requireAwaitingResident(
  state: ResidentState,
  residentId: string,
  tieId: string,
): CommunityTie {
  const tie = requireTie(requireActive(state, residentId), tieId);
  if (tie.status !== 'unconfirmed') {
    return refuse(
      'conflict',
      'tie_not_awaiting_resident',
      '这项社区联系不在等待您确认。',
      'This tie is not awaiting your confirmation.',
    );
  }
  return tie;
}

function refuseOwnTie(resident: RegisteredResident, workerId: string): void {
  if (workerId === resident.residentId) {
    refuse(
      'forbidden',
      'tie_own_decision',
      '不能核实或驳回自己的社区联系，请由其他社区工作者处理。',
      'You cannot decide on your own tie; another community worker has to.',
    );
  }
}

/** A tie a worker declared and the resident has not agreed to cannot be verified. */
function refuseUnconsented(tie: CommunityTie): void {
  if (tie.status === 'unconfirmed') {
    refuse(
      'conflict',
      'tie_awaiting_resident',
      '这项社区联系由社区工作者代为申报，须先由居民本人确认，才能核实。',
      'A worker declared this tie for the resident; the resident has to confirm it before it can be verified.',
    );
  }
  if (tie.status === 'declined') {
    refuse(
      'conflict',
      'tie_declined',
      '居民本人已拒绝这项社区联系，不能核实。',
      'The resident declined this tie; it cannot be verified.',
    );
  }
}
