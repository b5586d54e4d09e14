// Merging a duplicate into another proposal of the same cycle and community is two appends:
// `ProposalMerged` on the duplicate, decided on both proposals, then `ProposalAbsorbed` on the
// proposal it went into, decided on the duplicate as merged. A retry after a failure between the
// two finds the merge already recorded and goes on.
import { refuse } from '../../shared/errors.ts';
import { requirePhase, type CycleState } from '../../cycle/state.ts';
import { proposalStatusText } from '../describe.ts';
import type { ProposalEventOf } from '../events.ts';
import type { ProposalStatus } from '../status.ts';
import type { ProposalState } from '../state.ts';
import { openStatuses, refuseStatus, requireProposal } from './rules.ts';

export interface MergeProposal {
  type: 'MergeProposal';
  data: { proposalId: string; intoProposalId: string; note?: string | undefined };
  cycle: CycleState;
  /** The proposal it goes into, folded from its stream. */
  target: ProposalState;
}

export interface AbsorbProposal {
  type: 'AbsorbProposal';
  data: { proposalId: string; fromProposalId: string };
  /** The merged duplicate, folded from its stream after `ProposalMerged`. */
  source: ProposalState;
}

/** A duplicate can be merged until the round-table has decided on it. */
const mergeableStatuses: readonly ProposalStatus[] = [
  'submitted',
  'survey',
  'returned',
  'resubmitted',
];

export function mergeProposal(
  command: MergeProposal,
  state: ProposalState,
): ProposalEventOf<'ProposalMerged'>[] {
  const { intoProposalId, note } = command.data;
  const proposal = requireProposal(state, command.data.proposalId);
  if (intoProposalId === proposal.proposalId) {
    return refuse(
      'invalid',
      'merge_into_self',
      '不能把建议合并到它自己。',
      'A proposal cannot be merged into itself.',
    );
  }
  // A retried merge finds it done and goes on to the absorption.
  if (proposal.status === 'merged' && proposal.mergedInto === intoProposalId) return [];
  if (!mergeableStatuses.includes(proposal.status)) refuseStatus(proposal, 'not_mergeable');
  requirePhase(command.cycle, proposal.cycleId, ['proposing', 'screening'], {
    code: 'merging_closed',
    zh: '筛选结束后建议不能再合并',
    en: 'proposals cannot be merged once screening has ended',
  });
  const { target } = command;
  if (target.status === 'none') {
    return refuse(
      'not_found',
      'merge_target_not_found',
      `找不到要合并到的建议（编号 ${intoProposalId}）。`,
      `There is no proposal with id ${intoProposalId} to merge into.`,
    );
  }
  if (target.cycleId !== proposal.cycleId || target.communityId !== proposal.communityId) {
    return refuse(
      'invalid',
      'merge_other_community',
      '只能合并同一项目周期、同一社区的建议。',
      'Only proposals of the same cycle and community can be merged.',
    );
  }
  if (!openStatuses.includes(target.status)) {
    const status = proposalStatusText[target.status];
    return refuse(
      'conflict',
      'merge_target_closed',
      `建议「${target.content.title}」${status['zh-CN']}，不能再合并其他建议。`,
      `The proposal “${target.content.title}” is ${status.en}; nothing can be merged into it.`,
    );
  }
  return [
    {
      type: 'ProposalMerged',
      data: {
        proposalId: proposal.proposalId,
        intoProposalId,
        ...(note === undefined ? {} : { note }),
      },
    },
  ];
}

export function absorbProposal(
  command: AbsorbProposal,
  state: ProposalState,
): ProposalEventOf<'ProposalAbsorbed'>[] {
  const { fromProposalId } = command.data;
  const proposal = requireProposal(state, command.data.proposalId);
  const { source } = command;
  if (source.status !== 'merged' || source.mergedInto !== proposal.proposalId) {
    return refuse(
      'conflict',
      'not_merged_into',
      `建议（编号 ${fromProposalId}）没有合并到本建议。`,
      `The proposal ${fromProposalId} has not been merged into this one.`,
    );
  }
  if (proposal.absorbed.includes(fromProposalId)) return [];
  const authors = source.authors.filter((a) => !proposal.authors.includes(a));
  const known = new Set([...proposal.authors, ...proposal.coSigners, ...authors]);
  const coSigners = source.coSigners.filter((c) => !known.has(c));
  return [
    {
      type: 'ProposalAbsorbed',
      data: {
        proposalId: proposal.proposalId,
        fromProposalId,
        fromTitle: source.content.title,
        authors,
        coSigners,
      },
    },
  ];
}
