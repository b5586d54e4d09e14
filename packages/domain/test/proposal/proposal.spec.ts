import { describe, it } from 'vitest';
import { fold } from '../../src/shared/index.ts';
import { residentDecider } from '../../src/resident/index.ts';
import { proposalDecider } from '../../src/proposal/index.ts';
import type {
  ProposalChanges,
  ProposalCommand,
  ProposalEvent,
  ProposalState,
  RoundTableState,
} from '../../src/proposal/index.ts';
import type { CycleState } from '../../src/cycle/index.ts';
import type { EligibilitySubject } from '../../src/resident/index.ts';
import { given, refused } from '../given.ts';
import { cycleAt, draftCycle, residentOf } from '../cycle/fixtures.ts';
import {
  admitted,
  coSigned,
  content,
  duplicate,
  folded,
  returned,
  roundTable,
  sentToSurvey,
  submitted,
  surveyed,
  withdrawn,
} from './fixtures.ts';

/** Past events typed as proposal events (the helper would infer plain strings). */
const history = (...events: ProposalEvent[]) => events;

const proposing = cycleAt('proposing');
const screening = cycleAt('screening');
const voting = cycleAt('voting');
const today = '2025-03-05';

const { streetId: _streetId, ...submission } = submitted.data;
const submit = (
  changes: Partial<typeof submission> = {},
  context: { cycle?: CycleState; author?: EligibilitySubject | { status: 'none' } } = {},
) =>
  ({
    type: 'SubmitProposal',
    data: { ...submission, ...changes },
    cycle: context.cycle ?? proposing,
    author: context.author ?? residentOf('hupan'),
    today,
  }) satisfies ProposalCommand;

const edit = (changes: ProposalChanges, byResidentId = 'r1', cycle = proposing) =>
  ({
    type: 'EditProposal',
    data: { proposalId: 'p1', byResidentId, changes },
    cycle,
  }) satisfies ProposalCommand;

const withdraw = (byResidentId = 'r1', cycle = proposing, reason?: string) =>
  ({
    type: 'WithdrawProposal',
    data: { proposalId: 'p1', byResidentId, reason },
    cycle,
  }) satisfies ProposalCommand;

const coSign = (
  residentId: string,
  cycle = proposing,
  cosigner: EligibilitySubject | { status: 'none' } = residentOf('hupan'),
) =>
  ({
    type: 'CoSignProposal',
    data: { proposalId: 'p1', residentId },
    cycle,
    cosigner,
    today,
  }) satisfies ProposalCommand;

const merge = (target: ProposalState, cycle = proposing, intoProposalId = 'p1') =>
  ({
    type: 'MergeProposal',
    data: { proposalId: 'p2', intoProposalId, note: '同一地点的同类建议' },
    cycle,
    target,
  }) satisfies ProposalCommand;

const absorb = (source: ProposalState) =>
  ({
    type: 'AbsorbProposal',
    data: { proposalId: 'p1', fromProposalId: 'p2' },
    source,
  }) satisfies ProposalCommand;

const markInfeasible = (reason: { excludedCode?: string; note?: string }, cycle = screening) =>
  ({
    type: 'MarkProposalInfeasible',
    data: { proposalId: 'p1', ...reason },
    cycle,
  }) satisfies ProposalCommand;

const sendToSurvey = (cycle = screening) =>
  ({
    type: 'SendProposalToSurvey',
    data: { proposalId: 'p1' },
    cycle,
  }) satisfies ProposalCommand;

const recordSurvey = (
  changes: Partial<Extract<ProposalEvent, { type: 'SiteSurveyRecorded' }>['data']> = {},
  cycle = screening,
) => {
  const survey = surveyed(1_800_000) as Extract<ProposalEvent, { type: 'SiteSurveyRecorded' }>;
  return {
    type: 'RecordSiteSurvey',
    data: { ...survey.data, ...changes },
    cycle,
  } satisfies ProposalCommand;
};

const admit = (cycle = screening, held: RoundTableState = roundTable) =>
  ({
    type: 'AdmitProposalToPool',
    data: { proposalId: 'p1', roundTableId: 'rt1' },
    cycle,
    roundTable: held,
  }) satisfies ProposalCommand;

const reject = (cycle = screening) =>
  ({
    type: 'RejectProposalAtRoundTable',
    data: { proposalId: 'p1', roundTableId: 'rt1', reason: '与已有专项资金项目重复' },
    cycle,
    roundTable,
  }) satisfies ProposalCommand;

const returnForRevision = (cycle = screening) =>
  ({
    type: 'ReturnProposalForRevision',
    data: { proposalId: 'p1', roundTableId: 'rt1', changesRequested: '请改为四张座椅并注明材质' },
    cycle,
    roundTable,
  }) satisfies ProposalCommand;

const resubmit = (changes: ProposalChanges, byResidentId = 'r1', cycle = screening) =>
  ({
    type: 'ResubmitProposal',
    data: { proposalId: 'p1', byResidentId, changes },
    cycle,
  }) satisfies ProposalCommand;

describe('proposal', () => {
  describe('SubmitProposal', () => {
    it('records the proposal with its cycle’s street', () =>
      given(proposalDecider, []).when(submit()).then([submitted]));

    it('judges the author on their resident stream, folded', () => {
      const residentId = 'r1';
      const author = fold(residentDecider, [
        {
          type: 'ResidentRegistered',
          data: {
            residentId,
            personal: { name: '张秀英', phone: '13812341234' },
            phoneDigest: 'a'.repeat(64),
            birthYear: 1950,
            channel: 'offline',
            consent: { recordedBy: 'worker-1', form: 'paper', at: '2025-02-01T02:00:00Z' },
          },
        },
        {
          type: 'CommunityTieDeclared',
          data: {
            residentId,
            tieId: 't1',
            communityId: 'hupan',
            streetId: 'yushan',
            kind: 'works',
          },
        },
      ]);
      given(proposalDecider, [])
        .when(submit({}, { author }))
        .then(refused('forbidden', 'author_not_eligible'));
      const verified = residentDecider.evolve(author, {
        type: 'CommunityTieVerified',
        data: {
          residentId,
          tieId: 't1',
          communityId: 'hupan',
          streetId: 'yushan',
          verifiedBy: 'worker-1',
          personal: { note: '单位证明' },
        },
      });
      given(proposalDecider, [])
        .when(submit({}, { author: verified }))
        .then([submitted]);
    });

    it('records a worker’s offline entry for a resident', () =>
      given(proposalDecider, [])
        .when(submit({ channel: 'offline', photos: [] }))
        .then([{ ...submitted, data: { ...submitted.data, channel: 'offline', photos: [] } }]));

    it('refuses a proposal id that exists', () =>
      given(proposalDecider, [submitted])
        .when(submit())
        .then(refused('conflict', 'proposal_exists')));

    it('refuses a cycle that is not published, or not proposing', () => {
      given(proposalDecider, [])
        .when(submit({}, { cycle: draftCycle }))
        .then(refused('not_found', 'cycle_not_found'));
      given(proposalDecider, [])
        .when(submit({}, { cycle: { status: 'none' } }))
        .then(refused('not_found', 'cycle_not_found'));
      given(proposalDecider, [])
        .when(submit({}, { cycle: cycleAt('announced') }))
        .then(refused('conflict', 'not_proposing'));
      given(proposalDecider, [])
        .when(submit({}, { cycle: screening }))
        .then(refused('conflict', 'not_proposing'));
    });

    it('refuses a community outside the cycle', () =>
      given(proposalDecider, [])
        .when(submit({ communityId: 'qinhe' }, { author: residentOf('qinhe') }))
        .then(refused('invalid', 'community_not_in_cycle')));

    it('refuses a cost above the category’s cap', () =>
      given(proposalDecider, [])
        .when(submit({ estimatedCost: 3_000_001 }))
        .then(refused('invalid', 'cost_above_cap')));

    it('refuses more than six photos, other file types and files too large', () => {
      const photo = content.photos[0]!;
      given(proposalDecider, [])
        .when(
          submit({ photos: Array.from({ length: 7 }, (_, i) => ({ ...photo, fileId: `f${i}` })) }),
        )
        .then(refused('invalid', 'too_many_photos'));
      given(proposalDecider, [])
        .when(submit({ photos: [{ ...photo, type: 'image/gif' as 'image/png' }] }))
        .then(refused('invalid', 'photo_type_not_allowed'));
      given(proposalDecider, [])
        .when(submit({ photos: [{ ...photo, size: 11 * 1024 * 1024 }] }))
        .then(refused('invalid', 'photo_too_large'));
    });

    it('refuses an author without a verified tie to the community, too young, or unknown', () => {
      given(proposalDecider, [])
        .when(submit({}, { author: residentOf('binhu') }))
        .then(refused('forbidden', 'author_not_eligible'));
      given(proposalDecider, [])
        .when(
          submit(
            {},
            {
              author: {
                status: 'active',
                birthYear: 1980,
                ties: [{ communityId: 'hupan', kind: 'lives', status: 'declared' }],
              },
            },
          ),
        )
        .then(refused('forbidden', 'author_not_eligible'));
      given(proposalDecider, [])
        .when(submit({}, { author: residentOf('hupan', 2012) }))
        .then(refused('forbidden', 'author_not_eligible'));
      given(proposalDecider, [])
        .when(submit({}, { author: { status: 'none' } }))
        .then(refused('forbidden', 'author_not_eligible'));
    });
  });

  describe('EditProposal', () => {
    it('records the changed fields beside their previous values', () =>
      given(proposalDecider, [submitted])
        .when(edit({ title: content.title, estimatedCost: 2_500_000, category: 'goods' }))
        .then([
          {
            type: 'ProposalEdited',
            data: {
              proposalId: 'p1',
              changes: { estimatedCost: 2_500_000 },
              previous: { estimatedCost: 2_000_000 },
            },
          },
        ]));

    it('records nothing when nothing changes', () =>
      given(proposalDecider, [submitted])
        .when(edit({ location: { ...content.location } }))
        .then([]));

    it('checks the edited proposal against its category’s cap', () =>
      given(proposalDecider, [submitted])
        .when(edit({ estimatedCost: 4_000_000 }))
        .then(refused('invalid', 'cost_above_cap')));

    it('refuses anyone but the author', () =>
      given(proposalDecider, [submitted])
        .when(edit({ title: '加装座椅' }, 'r2'))
        .then(refused('forbidden', 'not_author')));

    it('refuses once screening has begun, and a withdrawn proposal', () => {
      given(proposalDecider, [submitted])
        .when(edit({ title: '加装座椅' }, 'r1', screening))
        .then(refused('conflict', 'editing_closed'));
      given(proposalDecider, [submitted, withdrawn])
        .when(edit({ title: '加装座椅' }))
        .then(refused('conflict', 'not_editable'));
    });

    it('refuses a proposal that does not exist', () =>
      given(proposalDecider, [])
        .when(edit({ title: '加装座椅' }))
        .then(refused('not_found', 'proposal_not_found')));
  });

  describe('WithdrawProposal', () => {
    it('withdraws, with or without a reason, until voting', () => {
      given(proposalDecider, [submitted]).when(withdraw()).then([withdrawn]);
      given(proposalDecider, [submitted, sentToSurvey])
        .when(withdraw('r1', screening, '已由物业解决'))
        .then([{ type: 'ProposalWithdrawn', data: { proposalId: 'p1', reason: '已由物业解决' } }]);
    });

    it('refuses anyone but the author', () =>
      given(proposalDecider, [submitted])
        .when(withdraw('r2'))
        .then(refused('forbidden', 'not_author')));

    it('refuses a proposal already closed, and once voting has begun', () => {
      given(proposalDecider, [submitted, withdrawn])
        .when(withdraw())
        .then(refused('conflict', 'proposal_closed'));
      given(proposalDecider, [submitted, admitted])
        .when(withdraw('r1', voting))
        .then(refused('conflict', 'withdrawal_closed'));
    });
  });

  describe('CoSignProposal', () => {
    it('records an eligible resident’s co-signature', () =>
      given(proposalDecider, [submitted])
        .when(coSign('r2'))
        .then([coSigned('r2')]));

    it('refuses the author and a second co-signature', () => {
      given(proposalDecider, [submitted])
        .when(coSign('r1'))
        .then(refused('invalid', 'author_cannot_cosign'));
      given(proposalDecider, [submitted, coSigned('r2')])
        .when(coSign('r2'))
        .then(refused('conflict', 'already_cosigned'));
    });

    it('refuses a resident who may not take part in the community', () =>
      given(proposalDecider, [submitted])
        .when(coSign('r2', proposing, residentOf('binhu')))
        .then(refused('forbidden', 'cosigner_not_eligible')));

    it('refuses a closed proposal, and after screening', () => {
      given(proposalDecider, [submitted, withdrawn])
        .when(coSign('r2'))
        .then(refused('conflict', 'proposal_closed'));
      given(proposalDecider, [submitted, admitted])
        .when(coSign('r2', voting))
        .then(refused('conflict', 'cosigning_closed'));
    });
  });

  describe('MergeProposal', () => {
    const target = folded([submitted]);

    it('merges a duplicate into another proposal of the community', () =>
      given(proposalDecider, duplicate)
        .when(merge(target))
        .then([
          {
            type: 'ProposalMerged',
            data: { proposalId: 'p2', intoProposalId: 'p1', note: '同一地点的同类建议' },
          },
        ]));

    it('records nothing when retried after the merge was written', () =>
      given(
        proposalDecider,
        history(...duplicate, {
          type: 'ProposalMerged',
          data: { proposalId: 'p2', intoProposalId: 'p1' },
        }),
      )
        .when(merge(target))
        .then([]));

    it('refuses merging into itself, or a proposal the round-table decided on', () => {
      given(proposalDecider, duplicate)
        .when(merge(target, proposing, 'p2'))
        .then(refused('invalid', 'merge_into_self'));
      given(
        proposalDecider,
        history(...duplicate, {
          type: 'ProposalAdmittedToPool',
          data: { proposalId: 'p2', roundTableId: 'rt1', cost: 1 },
        }),
      )
        .when(merge(target, screening))
        .then(refused('conflict', 'not_mergeable'));
    });

    it('refuses after screening', () =>
      given(proposalDecider, duplicate)
        .when(merge(target, voting))
        .then(refused('conflict', 'merging_closed')));

    it('refuses a target that is missing, elsewhere or closed', () => {
      given(proposalDecider, duplicate)
        .when(merge({ status: 'none' }))
        .then(refused('not_found', 'merge_target_not_found'));
      given(proposalDecider, duplicate)
        .when(merge({ ...target, communityId: 'binhu' }))
        .then(refused('invalid', 'merge_other_community'));
      given(proposalDecider, duplicate)
        .when(merge(folded([submitted, withdrawn])))
        .then(refused('conflict', 'merge_target_closed'));
    });
  });

  describe('AbsorbProposal', () => {
    // p1 by r1, co-signed by r2 (p2's author) and r4; p2 by r2, co-signed by r1 and r3.
    const target = [submitted, coSigned('r2'), coSigned('r4')];
    const merged = folded([
      ...duplicate,
      { type: 'ProposalMerged', data: { proposalId: 'p2', intoProposalId: 'p1' } },
    ]);
    const absorbed: ProposalEvent = {
      type: 'ProposalAbsorbed',
      data: {
        proposalId: 'p1',
        fromProposalId: 'p2',
        fromTitle: '步道边增设长椅',
        authors: ['r2'],
        coSigners: ['r3'],
      },
    };

    it('takes in the authors and co-signers it did not have', () =>
      given(proposalDecider, target).when(absorb(merged)).then([absorbed]));

    it('keeps absorbed authors as authors, so they cannot co-sign it', () => {
      given(proposalDecider, [...target, absorbed])
        .when(coSign('r2'))
        .then(refused('invalid', 'author_cannot_cosign'));
      given(proposalDecider, [...target, absorbed])
        .when(coSign('r3'))
        .then(refused('conflict', 'already_cosigned'));
    });

    it('records nothing when retried', () =>
      given(proposalDecider, [...target, absorbed])
        .when(absorb(merged))
        .then([]));

    it('refuses a proposal that was not merged into it', () => {
      given(proposalDecider, target)
        .when(absorb(folded(duplicate)))
        .then(refused('conflict', 'not_merged_into'));
      given(proposalDecider, target)
        .when(absorb({ ...merged, mergedInto: 'p9' }))
        .then(refused('conflict', 'not_merged_into'));
    });
  });

  describe('MarkProposalInfeasible', () => {
    it('records the excluded-list line it falls under, copied', () =>
      given(proposalDecider, [submitted])
        .when(markInfeasible({ excludedCode: 'N1' }))
        .then([
          {
            type: 'ProposalMarkedInfeasible',
            data: {
              proposalId: 'p1',
              excluded: {
                code: 'N1',
                text: '涉及个人或少数人利益的项目',
                textEn: 'projects for one person or a few',
              },
            },
          },
        ]));

    it('records a free-text reason', () =>
      given(proposalDecider, [submitted, sentToSurvey])
        .when(markInfeasible({ note: '场地属于私人产权' }))
        .then([
          {
            type: 'ProposalMarkedInfeasible',
            data: { proposalId: 'p1', note: '场地属于私人产权' },
          },
        ]));

    it('refuses a code not in the excluded list, and no reason at all', () => {
      given(proposalDecider, [submitted])
        .when(markInfeasible({ excludedCode: 'N9' }))
        .then(refused('invalid', 'unknown_excluded_code'));
      given(proposalDecider, [submitted])
        .when(markInfeasible({}))
        .then(refused('invalid', 'reason_required'));
    });

    it('refuses outside screening, and a proposal already decided', () => {
      given(proposalDecider, [submitted])
        .when(markInfeasible({ note: '不可行' }, proposing))
        .then(refused('conflict', 'not_screening'));
      given(proposalDecider, [submitted, admitted])
        .when(markInfeasible({ note: '不可行' }))
        .then(refused('conflict', 'not_screenable'));
    });
  });

  describe('SendProposalToSurvey', () => {
    it('sends a submitted or resubmitted proposal to a site survey', () => {
      given(proposalDecider, [submitted]).when(sendToSurvey()).then([sentToSurvey]);
      given(
        proposalDecider,
        history(submitted, returned, {
          type: 'ProposalResubmitted',
          data: { proposalId: 'p1', changes: {}, previous: {} },
        }),
      )
        .when(sendToSurvey())
        .then([sentToSurvey]);
    });

    it('refuses a proposal already in survey, and outside screening', () => {
      given(proposalDecider, [submitted, sentToSurvey])
        .when(sendToSurvey())
        .then(refused('conflict', 'not_screenable'));
      given(proposalDecider, [submitted])
        .when(sendToSurvey(proposing))
        .then(refused('conflict', 'not_screening'));
    });
  });

  describe('RecordSiteSurvey', () => {
    it('records the surveyor’s notes, photos, revised cost and opinion', () =>
      given(proposalDecider, [submitted, sentToSurvey])
        .when(recordSurvey())
        .then([surveyed(1_800_000)]));

    it('refuses a conditional opinion without its conditions', () =>
      given(proposalDecider, [submitted, sentToSurvey])
        .when(recordSurvey({ opinion: 'conditional' }))
        .then(refused('invalid', 'conditions_required')));

    it('refuses too many photos', () =>
      given(proposalDecider, [submitted, sentToSurvey])
        .when(
          recordSurvey({
            photos: Array.from({ length: 7 }, (_, i) => ({
              fileId: `s${i}`,
              type: 'image/png' as const,
              size: 1000,
            })),
          }),
        )
        .then(refused('invalid', 'too_many_photos')));

    it('refuses a proposal not sent to survey, and outside screening', () => {
      given(proposalDecider, [submitted])
        .when(recordSurvey())
        .then(refused('conflict', 'not_in_survey'));
      given(proposalDecider, [submitted, sentToSurvey])
        .when(recordSurvey({}, voting))
        .then(refused('conflict', 'not_screening'));
    });
  });

  describe('AdmitProposalToPool', () => {
    it('admits at the estimate, or at the surveyed cost', () => {
      given(proposalDecider, [submitted]).when(admit()).then([admitted]);
      given(proposalDecider, [submitted, sentToSurvey, surveyed(1_800_000)])
        .when(admit())
        .then([
          {
            type: 'ProposalAdmittedToPool',
            data: { proposalId: 'p1', roundTableId: 'rt1', cost: 1_800_000 },
          },
        ]);
    });

    it('refuses a surveyed cost above the cap', () =>
      given(proposalDecider, [submitted, sentToSurvey, surveyed(3_500_000)])
        .when(admit())
        .then(refused('invalid', 'cost_above_cap')));

    it('refuses a round-table that is missing or of another community', () => {
      given(proposalDecider, [submitted])
        .when(admit(screening, { status: 'none' }))
        .then(refused('not_found', 'roundtable_not_found'));
      given(proposalDecider, [submitted])
        .when(admit(screening, { ...roundTable, communityId: 'binhu' }))
        .then(refused('invalid', 'roundtable_other_community'));
    });

    it('refuses a proposal already decided, and outside screening', () => {
      given(proposalDecider, [submitted, admitted])
        .when(admit())
        .then(refused('conflict', 'not_screenable'));
      given(proposalDecider, [submitted, returned])
        .when(admit())
        .then(refused('conflict', 'not_screenable'));
      given(proposalDecider, [submitted])
        .when(admit(voting))
        .then(refused('conflict', 'not_screening'));
    });
  });

  describe('RejectProposalAtRoundTable', () => {
    it('rejects with the reason', () =>
      given(proposalDecider, [submitted, sentToSurvey])
        .when(reject())
        .then([
          {
            type: 'ProposalRejectedAtRoundTable',
            data: { proposalId: 'p1', roundTableId: 'rt1', reason: '与已有专项资金项目重复' },
          },
        ]));

    it('refuses a proposal marked infeasible, and outside screening', () => {
      given(
        proposalDecider,
        history(submitted, {
          type: 'ProposalMarkedInfeasible',
          data: { proposalId: 'p1', note: '私人产权' },
        }),
      )
        .when(reject())
        .then(refused('conflict', 'not_screenable'));
      given(proposalDecider, [submitted])
        .when(reject(voting))
        .then(refused('conflict', 'not_screening'));
    });
  });

  describe('ReturnProposalForRevision', () => {
    it('returns it to the author with what to change', () =>
      given(proposalDecider, [submitted]).when(returnForRevision()).then([returned]));

    it('refuses a proposal already returned, and outside screening', () => {
      given(proposalDecider, [submitted, returned])
        .when(returnForRevision())
        .then(refused('conflict', 'not_screenable'));
      given(proposalDecider, [submitted])
        .when(returnForRevision(proposing))
        .then(refused('conflict', 'not_screening'));
    });
  });

  describe('ResubmitProposal', () => {
    it('resubmits with the changes beside their previous values', () =>
      given(proposalDecider, [submitted, returned])
        .when(resubmit({ title: '湖畔花园加装四张防腐木座椅', estimatedCost: 1_600_000 }))
        .then([
          {
            type: 'ProposalResubmitted',
            data: {
              proposalId: 'p1',
              changes: { title: '湖畔花园加装四张防腐木座椅', estimatedCost: 1_600_000 },
              previous: { title: content.title, estimatedCost: 2_000_000 },
            },
          },
        ]));

    it('resubmits unchanged when the revision was agreed in person', () =>
      given(proposalDecider, [submitted, returned])
        .when(resubmit({ title: content.title }))
        .then([
          { type: 'ProposalResubmitted', data: { proposalId: 'p1', changes: {}, previous: {} } },
        ]));

    it('lets a new estimate replace the surveyed cost', () =>
      given(
        proposalDecider,
        history(submitted, sentToSurvey, surveyed(1_800_000), returned, {
          type: 'ProposalResubmitted',
          data: {
            proposalId: 'p1',
            changes: { estimatedCost: 2_500_000 },
            previous: { estimatedCost: 2_000_000 },
          },
        }),
      )
        .when(admit())
        .then([
          {
            type: 'ProposalAdmittedToPool',
            data: { proposalId: 'p1', roundTableId: 'rt1', cost: 2_500_000 },
          },
        ]));

    it('refuses a proposal not returned, anyone but the author, and outside screening', () => {
      given(proposalDecider, [submitted])
        .when(resubmit({}))
        .then(refused('conflict', 'not_returned'));
      given(proposalDecider, [submitted, returned])
        .when(resubmit({}, 'r2'))
        .then(refused('forbidden', 'not_author'));
      given(proposalDecider, [submitted, returned])
        .when(resubmit({}, 'r1', voting))
        .then(refused('conflict', 'not_screening'));
    });

    it('refuses a cost above the cap', () =>
      given(proposalDecider, [submitted, returned])
        .when(resubmit({ estimatedCost: 3_100_000 }))
        .then(refused('invalid', 'cost_above_cap')));
  });
});
