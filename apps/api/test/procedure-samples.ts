// The sample input of every procedure of the appRouter and the records the samples act on, shared
// by the tests that call every procedure: the authorization test (one valid call per role and
// scope) and the fuzzer (bad inputs made by mutating these). Each sample is valid for a caller
// the procedure admits; the places are the seeded demo streets and communities.
import {
  appRouter,
  catalogueCommands,
  cycleCommands,
  meetingCommands,
  meetingTopicCommands,
  meetingMinutesCommands,
  meetingResolutionCommands,
  ledgerCommands,
  organisationCommands,
  outcomeCommands,
  type ProcedureMeta,
} from '@gongzhi/api';
import { hashPassword } from '@gongzhi/auth';
import { chinaDate, staffRoleSchema, type Scope, type StaffRole } from '@gongzhi/domain';
import type { EventMetadata } from '@gongzhi/eventstore';
import { cycleDefinition } from './micro-fixtures.ts';
import { RESIDENT_PASSWORD, type useResidentServer } from './resident-harness.ts';

// Street A / community A1 and street B / community B2 are the seeded demo places.
export const A = { streetId: 'yushan', communityId: 'shuyuan' };
export const B = { streetId: 'qinchuan', communityId: 'qinfeng' };
export const PASSWORD = 'authz-password-1';

/** The place in A a sample acts on, as far as access is concerned. */
export type Target = 'city' | 'street' | 'community';

export interface Sample {
  input?: unknown;
  /** Builds the input when it names records made by createSampleRecords. */
  build?: () => unknown;
  /** For role declarations: the place in street A the call is about. */
  target?: Target;
  /** Names the case in the matrix when a procedure has several samples. */
  label?: string;
}

// Fixture records the samples act on (created by createSampleRecords).
export const TARGET_ACCOUNT = 'authz-target';
export const DEACTIVATED_ACCOUNT = 'authz-leaving';
export const LOGIN = { accountId: 'authz-login', loginName: 'authz.login' };
export const CLOSING_STREET = 'authz-closing';
export const CLOSING_COMMUNITY = 'authz-closing-c';

// Residents the samples act on, registered by createSampleRecords: the signed-in resident (ties to A1:
// lives, to be verified; studies, to be rejected), a relative to receive a proxy, and one whom a
// worker forgets on written request. Their ids and tie ids are known only then.
export const PHONES = {
  resident: '13900170001',
  relative: '13900170002',
  forgotten: '13900170003',
  onSpot: '13900170004',
  newcomer: '13900170005',
};
export const fixture = { residentId: '', livesTieId: '', studiesTieId: '', forgottenId: '' };
// Cycles of street A the samples act on: a draft, and a published one.
export const DRAFT_CYCLE = 'authz-cycle-draft';
export const PUBLISHED_CYCLE = 'authz-cycle';

// The seeded demo cycles: 虞山街道's in screening (proposals of A1 in every state), 琴川街道's
// proposing. Each mutation acts on a proposal of its own.
export const SCREENING_CYCLE = 'demo-cycle-yushan';
export const PROPOSING_CYCLE = 'demo-cycle-qinchuan';
// The seeded cycle in publicity, and an objection to the count of A1 filed by createSampleRecords.
export const NOTICE_CYCLE = 'demo-cycle-notice';
export const OBJECTION = 'authz-objection';
// A spreadsheet of one signboard, as a worker imports it into A1's ledger.
const LEDGER_CSV = {
  name: 'ledger.csv',
  format: 'csv',
  base64: Buffer.from(
    '类别,名称,主管部门,每周耗时（分钟）,位置\n挂牌,授权测试导入牌子,授权测试部门,10,室外\n',
  ).toString('base64'),
};
// A signboard of A1 in the burden-reduction ledger.
export const LEDGER_ITEM = 'authz-ledger-item';
// The city's certificate catalogue of 2091 (a draft), and a department's request to it.
export const CATALOGUE = 'city-certificates-2091';
export const CATALOGUE_REQUEST = 'authz-catalogue-request';
const CATALOGUE_ENTRY = {
  code: 'A-01',
  title: '授权测试证明',
  basis: '授权测试',
  department: '授权测试部门',
  communityRole: '授权测试',
};
// A seeded volunteer team and one of its records (apps/api/src/seed/teams.ts).
export const TEAM = 'demo-team-silver';
export const TEAM_RECORD = 'demo-team-silver-demo-r-zhao-1';
// A seeded service need of A1 that two teams claimed (apps/api/src/seed/needs.ts).
export const NEED = 'demo-need-checkup';
// Seeded certificates of the same team: one issued (announced), one requested (seed/certificates.ts).
export const CERTIFICATE = 'demo-cert-zhao';
export const CERTIFICATE_REQUESTED = 'demo-cert-paper-1';
export const SHIFT = { activityId: 'demo-activity-silver', shiftId: 'demo-shift-silver-1' };
export const PROPOSAL_CONTENT = {
  title: '授权测试建议',
  description: '授权测试',
  category: 'goods',
  estimatedCost: 100_000,
  location: { text: '授权测试地点' },
};

// A body of A1 with one member (a demo resident), a meeting of it with a motion, and one to close.
export const MEETING = {
  bodyId: 'authz-body',
  meetingId: 'authz-meeting',
  closingId: 'authz-meeting-closing',
  itemId: 'authz-item',
  motionId: 'authz-motion',
  member: 'demo-r-wang',
  day: chinaDate(new Date().toISOString()),
  /** Topics raised by staff of A1: one to support and accept, one to decline, one to merge. */
  topicId: 'authz-topic',
  declinedTopicId: 'authz-topic-declined',
  mergedTopicId: 'authz-topic-merged',
  /** A closed meeting whose draft minutes are circulated. */
  minutesId: 'authz-meeting-minutes',
  /** A meeting whose motion passed, with a resolution to follow through. */
  followId: 'authz-meeting-follow',
  followItemId: 'authz-follow-item',
  followMotionId: 'authz-follow-motion',
  resolutionId: 'authz-resolution',
};

/** Inputs that name fixture residents are built when the case runs. */
export const later = (build: () => unknown) => ({ build });

/** One valid input per procedure (or several cases). Add one for every new procedure. */
// The seeded evaluating cycle of A1 and its selected project (opened when it was confirmed).
export const PROJECT_CYCLE = 'demo-cycle-evaluating';
export const PROJECT = 'demo-e-handrails';

export const SAMPLES: Record<string, Sample | Sample[]> = {
  'auth.login': { input: { loginName: LOGIN.loginName, password: PASSWORD } },
  'auth.logout': {},
  'auth.me': {},

  'session.list': {},
  'session.revoke': { input: { sessionId: 'a'.repeat(24) } },
  'session.revokeOthers': {},
  'session.changePassword': {
    input: { currentPassword: PASSWORD, newPassword: 'authz-password-2' },
  },

  'organisation.overview': {},
  'organisation.streets': {},
  'organisation.street': { input: { streetId: A.streetId } },
  'organisation.community': { input: { communityId: A.communityId } },
  'organisation.registerStreet': { input: { name: '授权测试街道' }, target: 'city' },
  'organisation.renameStreet': {
    input: { streetId: A.streetId, name: '虞山新街道' },
    target: 'city',
  },
  'organisation.closeStreet': { input: { streetId: CLOSING_STREET }, target: 'city' },
  'organisation.registerCommunity': {
    input: { streetId: A.streetId, kind: 'urban', name: '授权测试社区' },
    target: 'street',
  },
  'organisation.renameCommunity': {
    input: { communityId: A.communityId, name: '书院新社区' },
    target: 'community',
  },
  'organisation.closeCommunity': {
    input: { communityId: CLOSING_COMMUNITY },
    target: 'community',
  },
  'organisation.staffAccounts': [
    { label: 'all', input: {}, target: 'city' },
    { label: 'one street', input: { streetId: A.streetId }, target: 'street' },
  ],
  'organisation.createStaffAccount': [
    {
      label: 'community role',
      input: {
        loginName: 'authz.new.worker',
        displayName: '新社工',
        password: PASSWORD,
        role: 'community_worker',
        scope: { type: 'community', communityId: A.communityId },
      },
      target: 'community',
    },
    {
      label: 'street role',
      input: {
        loginName: 'authz.new.officer',
        displayName: '新街道干部',
        password: PASSWORD,
        role: 'street_officer',
        scope: { type: 'street', streetId: A.streetId },
      },
      target: 'city',
    },
  ],
  'organisation.grantRole': [
    {
      label: 'community role',
      input: {
        accountId: TARGET_ACCOUNT,
        role: 'consultant',
        scope: { type: 'community', communityId: A.communityId },
      },
      target: 'community',
    },
    {
      label: 'street role',
      input: {
        accountId: TARGET_ACCOUNT,
        role: 'street_officer',
        scope: { type: 'street', streetId: A.streetId },
      },
      target: 'city',
    },
  ],
  'organisation.revokeRole': [
    {
      label: 'community role',
      input: {
        accountId: TARGET_ACCOUNT,
        role: 'community_worker',
        scope: { type: 'community', communityId: A.communityId },
      },
      target: 'community',
    },
    {
      label: 'city role',
      input: { accountId: TARGET_ACCOUNT, role: 'city_admin', scope: { type: 'city' } },
      target: 'city',
    },
  ],
  // The account holds community roles in A1 only: street A's authority reaches it.
  'organisation.deactivateStaffAccount': {
    input: { accountId: DEACTIVATED_ACCOUNT },
    target: 'street',
  },

  // A wrong code is refused by the procedure (400 about `code`), not by access.
  'resident.requestPhoneCode': { input: { phone: PHONES.newcomer } },
  'resident.register': {
    input: {
      name: '新居民',
      phone: PHONES.newcomer,
      code: '000000',
      password: RESIDENT_PASSWORD,
      birthYear: 1990,
      ties: [{ communityId: A.communityId, kind: 'lives' }],
    },
  },
  'resident.login': { input: { phone: PHONES.resident, password: RESIDENT_PASSWORD } },
  'resident.setPassword': {
    input: { phone: PHONES.resident, code: '000000', password: 'authz-resident-2' },
  },
  'resident.me': {},
  'resident.declareTie': { input: { communityId: 'hongqiao', kind: 'works' } },
  'resident.grantProxy': { input: { granteePhone: PHONES.relative, powers: ['vote'] } },
  'resident.revokeProxy': { input: { proxyId: 'no-such-proxy' } },
  // A wrong password: the resident stays (they are the caller of the cases after this one).
  'resident.forgetMe': { input: { password: 'not-my-password' } },
  'resident.eligibility': {
    input: { communityId: A.communityId, tieKinds: ['lives'], minAge: 18 },
  },
  'resident.verificationQueue': { input: { communityId: A.communityId }, target: 'community' },
  'resident.search': { input: { communityId: A.communityId, query: '居民' }, target: 'community' },
  'resident.verifyTie': {
    ...later(() => ({
      communityId: A.communityId,
      residentId: fixture.residentId,
      tieId: fixture.livesTieId,
      note: '已核实住址',
    })),
    target: 'community',
  },
  'resident.rejectTie': {
    ...later(() => ({
      communityId: A.communityId,
      residentId: fixture.residentId,
      tieId: fixture.studiesTieId,
      reason: '未在本社区就读',
    })),
    target: 'community',
  },
  'resident.registerOnSpot': {
    input: {
      communityId: A.communityId,
      kind: 'lives',
      name: '现场登记居民',
      phone: PHONES.onSpot,
      birthYear: 1948,
      consent: { form: 'paper' },
    },
    target: 'community',
  },
  'resident.requestTieCode': {
    ...later(() => ({ communityId: A.communityId, residentId: fixture.residentId })),
    target: 'community',
  },
  // Without the resident's code: recorded as awaiting their confirmation.
  'resident.declareTieFor': {
    ...later(() => ({ communityId: A.communityId, residentId: fixture.residentId, kind: 'works' })),
    target: 'community',
  },
  'resident.confirmTie': { input: { tieId: 'no-such-tie' } },
  'resident.declineTie': { input: { tieId: 'no-such-tie' } },
  // The resident's tie is not verified: the domain refuses, access does not.
  'resident.requestErasure': {
    ...later(() => ({
      communityId: A.communityId,
      residentId: fixture.forgottenId,
      writtenRequestRef: '书面申请 2025-001',
    })),
    target: 'community',
  },
  'resident.pendingErasures': { input: { communityId: A.communityId }, target: 'community' },
  'resident.confirmErasure': {
    ...later(() => ({
      communityId: A.communityId,
      residentId: fixture.forgottenId,
      erasureId: 'no-such-erasure',
    })),
    target: 'community',
  },
  'resident.stopErasure': {
    ...later(() => ({
      communityId: A.communityId,
      residentId: fixture.forgottenId,
      erasureId: 'no-such-erasure',
      reason: '居民撤回申请',
    })),
    target: 'community',
  },
  'resident.stopMyErasure': { input: { erasureId: 'no-such-erasure', reason: '我没有申请注销' } },

  'proposal.list': { input: { cycleId: SCREENING_CYCLE, communityId: A.communityId } },
  'proposal.get': { input: { proposalId: 'demo-p-handrails' } },
  'proposal.timeline': { input: { proposalId: 'demo-p-handrails' } },
  'proposal.pool': { input: { cycleId: SCREENING_CYCLE, communityId: A.communityId } },
  'proposal.roundTables': { input: { cycleId: SCREENING_CYCLE, communityId: A.communityId } },
  'proposal.mine': {},
  // The fixture resident's ties are not verified: the domain refuses, access does not.
  'proposal.submit': {
    input: { cycleId: PROPOSING_CYCLE, communityId: 'qinfeng', ...PROPOSAL_CONTENT },
  },
  'proposal.coSign': { input: { proposalId: 'demo-p-air-con' } },
  'proposal.edit': { input: { proposalId: 'demo-p-handrails', title: '授权测试修改标题' } },
  'proposal.withdraw': { input: { proposalId: 'demo-p-meals', reason: '授权测试撤回' } },
  'proposal.resubmit': {
    input: { proposalId: 'demo-p-playground', location: { text: '6幢东侧' } },
  },
  'proposal.intakeQueue': { input: { communityId: A.communityId }, target: 'community' },
  'proposal.submitFor': {
    ...later(() => ({
      communityId: A.communityId,
      residentId: fixture.residentId,
      cycleId: SCREENING_CYCLE,
      ...PROPOSAL_CONTENT,
    })),
    target: 'community',
  },
  'proposal.merge': {
    input: { duplicateId: 'demo-p-bike-shed', targetId: 'demo-p-river-lights' },
    target: 'community',
  },
  'proposal.markInfeasible': {
    input: { proposalId: 'demo-p-handrails', excludedCode: 'N1' },
    target: 'community',
  },
  'proposal.sendToSurvey': { input: { proposalId: 'demo-p-sorting-kiosk' }, target: 'community' },
  'proposal.recordSurvey': {
    input: { proposalId: 'demo-p-river-lights', notes: '授权测试踏勘', opinion: 'feasible' },
    target: 'community',
  },
  'proposal.recordRoundTable': {
    ...later(() => ({
      cycleId: SCREENING_CYCLE,
      communityId: A.communityId,
      date: chinaDate(new Date().toISOString()),
      attendees: [{ role: 'chair' }],
      decisions: [{ proposalId: 'demo-p-river-lights', decision: 'pool' }],
    })),
    target: 'community',
  },

  // Pool proposals of 书院社区 the seeded summer cycle (in publicity) did not select.
  'feedback.queue': { input: { communityId: A.communityId }, target: 'community' },
  'feedback.mine': {},
  'feedback.thread': { input: { proposalId: 'demo-n-pavilion' } },
  'feedback.give': {
    input: {
      proposalId: 'demo-n-pavilion',
      reason: '授权测试原因',
      suggestions: '授权测试建议',
      givenBy: 'community_worker',
    },
    target: 'community',
  },
  'feedback.respond': {
    input: { proposalId: 'demo-n-notice-board', text: '授权测试回复' },
    target: 'community',
  },
  'feedback.reply': { input: { proposalId: 'demo-n-notice-board', text: '授权测试留言' } },
  'feedback.carryForward': { input: { proposalId: 'demo-n-pavilion', cycleId: PROPOSING_CYCLE } },

  'notification.inbox': {},
  'notification.markRead': { input: { all: true } },
  'notification.staffInbox': {},

  'cycle.list': {},
  'cycle.get': { input: { cycleId: PUBLISHED_CYCLE } },
  'cycle.drafts': { input: { streetId: A.streetId }, target: 'street' },
  'cycle.draft': { input: { streetId: A.streetId, ...cycleDefinition() }, target: 'street' },
  'cycle.amendDraft': {
    input: { cycleId: DRAFT_CYCLE, ...cycleDefinition({ title: '授权测试周期(修改)' }) },
    target: 'street',
  },
  'cycle.publish': { input: { cycleId: DRAFT_CYCLE }, target: 'street' },
  'cycle.advancePhase': {
    input: { cycleId: PUBLISHED_CYCLE, to: 'proposing', reason: '授权测试提前开始' },
    target: 'street',
  },
  'cycle.feedbackOwed': { input: { cycleId: PUBLISHED_CYCLE }, target: 'street' },
  'cycle.amendBudget': {
    input: {
      cycleId: PUBLISHED_CYCLE,
      budgets: [{ communityId: A.communityId, budget: 25_000_000 }],
      reason: '追加预算',
    },
    target: 'street',
  },
  'cycle.amendSchedule': {
    input: {
      cycleId: PUBLISHED_CYCLE,
      schedule: { ...cycleDefinition().schedule, voting: '2030-05-12' },
      reason: '避开节假日',
    },
    target: 'street',
  },

  // The demo cycle of A is screening: casting and counting are refused by the domain, not access.
  'ballot.paper': { input: { cycleId: SCREENING_CYCLE, communityId: A.communityId } },
  'ballot.cast': {
    input: { cycleId: SCREENING_CYCLE, communityId: A.communityId, choices: ['demo-p-air-con'] },
  },
  'ballot.mine': { input: { cycleId: SCREENING_CYCLE } },
  'ballot.findReceipt': { input: { cycleId: SCREENING_CYCLE, receipt: 'ABCD-EFGH-JKMN-PQRS' } },
  'ballot.bulletin': { input: { cycleId: SCREENING_CYCLE, communityId: A.communityId } },
  'ballot.bulletinFile': {
    input: { cycleId: SCREENING_CYCLE, communityId: A.communityId, format: 'csv' },
  },
  'ballot.tally': { input: { cycleId: SCREENING_CYCLE }, target: 'street' },
  'ballot.result': { input: { cycleId: SCREENING_CYCLE, communityId: A.communityId } },
  'ballot.uncountedPaperBatches': { input: { cycleId: SCREENING_CYCLE }, target: 'street' },
  // Paper ballots: opening a batch outside voting is refused by the domain; the batch named
  // in the other samples does not exist.
  'ballot.paperBatches.list': {
    input: { cycleId: SCREENING_CYCLE, communityId: A.communityId },
    target: 'community',
  },
  'ballot.paperBatches.open': {
    input: { cycleId: SCREENING_CYCLE, communityId: A.communityId, label: '1号票箱' },
    target: 'community',
  },
  'ballot.paperBatches.get': {
    input: { cycleId: SCREENING_CYCLE, communityId: A.communityId, batchId: 'authz-batch' },
    target: 'community',
  },
  'ballot.paperBatches.enter': {
    input: {
      cycleId: SCREENING_CYCLE,
      communityId: A.communityId,
      batchId: 'authz-batch',
      sheets: [{ serial: 'A001', voterId: 'demo-r-li', choices: ['demo-p-air-con'] }],
    },
    target: 'community',
  },
  'ballot.paperBatches.resolve': {
    input: {
      cycleId: SCREENING_CYCLE,
      communityId: A.communityId,
      batchId: 'authz-batch',
      decisions: [{ serial: 'A001', outcome: 'first' }],
    },
    target: 'community',
  },
  'ballot.paperBatches.count': {
    input: { cycleId: SCREENING_CYCLE, communityId: A.communityId, batchId: 'authz-batch' },
    target: 'community',
  },
  'outcome.notice': { input: { cycleId: NOTICE_CYCLE } },
  'outcome.file': {
    input: { cycleId: NOTICE_CYCLE, communityId: A.communityId, text: '授权测试的异议内容' },
  },
  'outcome.answer': {
    input: { objectionId: OBJECTION, answer: 'dismissed', reason: '授权测试' },
    target: 'community',
  },
  // Projects: the seeded evaluating cycle's winner of A1 is a project (its stages are refused or
  // recorded by the domain; access is what the samples test).
  'project.board': { input: { cycleId: PROJECT_CYCLE } },
  'project.get': { input: { projectId: PROJECT } },
  'project.openForCycle': { input: { cycleId: PROJECT_CYCLE }, target: 'street' },
  'project.approve': {
    input: { projectId: PROJECT, implementer: { kind: 'department', name: '虞山街道城建办' } },
    target: 'community',
  },
  'project.reviewBudget': {
    input: { projectId: PROJECT, approvedBudget: 3_000_000 },
    target: 'community',
  },
  'project.awardContract': {
    input: {
      projectId: PROJECT,
      method: 'inquiry',
      bidders: [{ name: '琴湖建设', amount: 2_800_000 }],
      contractor: '琴湖建设',
      contractValue: 2_800_000,
      reason: '报价最低',
    },
    target: 'community',
  },
  'project.startWorks': {
    input: {
      projectId: PROJECT,
      startedOn: '2025-06-01',
      milestones: [{ milestoneId: 'm1', title: '安装扶手', weight: 100, plannedOn: '2025-06-30' }],
    },
    target: 'community',
  },
  'project.reachMilestone': {
    input: { projectId: PROJECT, milestoneId: 'm1', reachedOn: '2025-06-20' },
    target: 'community',
  },
  'project.recordPayment': {
    input: { projectId: PROJECT, amount: 100_000, paidOn: '2025-06-21' },
    target: 'community',
  },
  'project.completeWorks': {
    input: { projectId: PROJECT, completedOn: '2025-06-30' },
    target: 'community',
  },
  'project.recordAcceptance': {
    input: {
      projectId: PROJECT,
      verdict: 'passed',
      acceptedOn: '2025-07-01',
      committee: [{ role: 'implementer', name: '王工', signed: true }],
    },
    target: 'community',
  },
  'project.settle': { input: { projectId: PROJECT, finalAmount: 2_800_000 }, target: 'community' },
  'project.suspend': { input: { projectId: PROJECT, reason: '授权测试' }, target: 'community' },
  'project.resume': { input: { projectId: PROJECT, reason: '授权测试' }, target: 'community' },
  'project.cancel': { input: { projectId: PROJECT, reason: '授权测试' }, target: 'community' },

  'meeting.bodies': { input: { communityId: A.communityId } },
  'meeting.meetings': { input: { communityId: A.communityId } },
  'meeting.meeting': { input: { meetingId: MEETING.meetingId } },
  'meeting.signIn': { input: { meetingId: MEETING.meetingId, code: 'ABCDEF' } },
  'meeting.leave': { input: { meetingId: MEETING.meetingId } },
  'meeting.follow': { input: { bodyId: MEETING.bodyId, follow: true } },
  'meeting.establishBody': {
    input: { communityId: A.communityId, kind: 'round_table', name: '授权测试圆桌会' },
    target: 'community',
  },
  'meeting.joinBody': {
    ...later(() => ({
      bodyId: MEETING.bodyId,
      residentId: fixture.residentId,
      kind: 'resident',
      role: 'member',
      from: MEETING.day,
    })),
    target: 'community',
  },
  'meeting.leaveBody': {
    input: { bodyId: MEETING.bodyId, residentId: MEETING.member, from: '2099-01-01' },
    target: 'community',
  },
  'meeting.roster': { input: { bodyId: MEETING.bodyId }, target: 'community' },
  'meeting.convene': {
    input: {
      bodyId: MEETING.bodyId,
      title: '授权测试会议',
      agenda: [{ title: '授权测试议题' }],
      startsAt: '2099-01-01T02:00:00.000Z',
      place: '授权测试地点',
    },
    target: 'community',
  },
  'meeting.signInCode': { input: { meetingId: MEETING.meetingId }, target: 'community' },
  'meeting.signInFor': {
    input: { meetingId: MEETING.meetingId, residentId: MEETING.member },
    target: 'community',
  },
  'meeting.recordLeaving': {
    input: { meetingId: MEETING.meetingId, residentId: MEETING.member },
    target: 'community',
  },
  'meeting.attendance': { input: { meetingId: MEETING.meetingId }, target: 'community' },
  'meeting.tableMotion': {
    input: { meetingId: MEETING.meetingId, itemId: MEETING.itemId, text: '授权测试动议' },
    target: 'community',
  },
  'meeting.vote': {
    input: {
      meetingId: MEETING.meetingId,
      motionId: MEETING.motionId,
      vote: { method: 'count', for: 1, against: 0, abstain: 0 },
    },
    target: 'community',
  },
  'meeting.close': { input: { meetingId: MEETING.closingId }, target: 'community' },
  'meeting.minutes': { input: { meetingId: MEETING.minutesId } },
  'meeting.minutesDraft': { input: { meetingId: MEETING.minutesId } },
  'meeting.signMinutes': { input: { meetingId: MEETING.minutesId } },
  'meeting.requestMinutesCorrection': {
    input: { meetingId: MEETING.minutesId, text: '授权测试更正' },
  },
  'meeting.minutesWork': { input: { meetingId: MEETING.minutesId }, target: 'community' },
  'meeting.draftMinutes': {
    input: { meetingId: MEETING.minutesId, text: '授权测试纪要' },
    target: 'community',
  },
  'meeting.circulateMinutes': { input: { meetingId: MEETING.minutesId }, target: 'community' },
  'meeting.approveMinutes': { input: { meetingId: MEETING.minutesId }, target: 'community' },
  'meeting.correctMinutes': {
    input: { meetingId: MEETING.minutesId, text: '授权测试更正', reason: '授权测试' },
    target: 'community',
  },
  'meeting.resolutions': { input: { meetingId: MEETING.followId } },
  'meeting.assignResolution': {
    input: {
      meetingId: MEETING.followId,
      motionId: MEETING.followMotionId,
      owner: '授权测试物业',
      dueOn: '2099-01-01',
    },
    target: 'community',
  },
  'meeting.reportResolutionProgress': {
    input: { resolutionId: MEETING.resolutionId, text: '授权测试进展' },
    target: 'community',
  },
  'meeting.closeResolution': {
    input: { resolutionId: MEETING.resolutionId, report: '授权测试反馈' },
    target: 'community',
  },
  'meeting.overdueResolutions': { input: { communityId: A.communityId }, target: 'community' },
  'meeting.streetOverdueResolutions': { input: { streetId: A.streetId }, target: 'street' },
  'meeting.decideProposals': {
    input: {
      meetingId: MEETING.followId,
      cycleId: PUBLISHED_CYCLE,
      decisions: [
        { motionId: MEETING.followMotionId, proposalId: 'authz-no-proposal', decision: 'pool' },
      ],
    },
    target: 'community',
  },
  'meeting.vitality': {
    input: { place: { type: 'street', streetId: A.streetId }, from: '2026-01', to: '2026-06' },
  },
  'meeting.topics': { input: { communityId: A.communityId } },
  'meeting.topic': { input: { topicId: MEETING.topicId } },
  'meeting.raiseTopic': {
    input: { communityId: A.communityId, title: '授权测试议题', detail: '授权测试说明' },
  },
  'meeting.supportTopic': { input: { topicId: MEETING.topicId } },
  'meeting.myTopics': { input: {} },
  'meeting.raiseTopicFor': {
    input: {
      communityId: A.communityId,
      residentId: MEETING.member,
      title: '授权测试议题',
      detail: '授权测试说明',
    },
    target: 'community',
  },
  'meeting.raiseStaffTopic': {
    input: {
      communityId: A.communityId,
      title: '授权测试议题',
      detail: '授权测试说明',
      source: 'ledger',
      sourceRef: 'authz-ledger',
    },
    target: 'community',
  },
  'meeting.acceptTopic': {
    input: { topicId: MEETING.topicId, bodyId: MEETING.bodyId },
    target: 'community',
  },
  'meeting.mergeTopic': {
    input: { topicId: MEETING.mergedTopicId, intoTopicId: MEETING.topicId, reason: '授权测试' },
    target: 'community',
  },
  'meeting.declineTopic': {
    input: { topicId: MEETING.declinedTopicId, reason: '授权测试' },
    target: 'community',
  },

  // The burden-reduction ledger, on the item LEDGER_ITEM of A1 made by createSampleRecords.
  'ledger.settings': {},
  'ledger.figures': [
    { label: 'community', input: { communityId: A.communityId } },
    { label: 'street', input: { streetId: A.streetId } },
  ],
  'ledger.cityFigures': { input: {}, target: 'city' },
  'ledger.changeSettings': {
    input: { keepBoards: [{ code: 'party', name: '党组织' }], catalogueLevel: 'city' },
    target: 'city',
  },
  'ledger.items': { input: { communityId: A.communityId }, target: 'community' },
  'ledger.streetItems': { input: { streetId: A.streetId, status: 'relapsed' }, target: 'street' },
  'ledger.item': { input: { itemId: LEDGER_ITEM }, target: 'community' },
  'ledger.record': {
    input: {
      communityId: A.communityId,
      title: '授权测试牌子',
      department: '授权测试部门',
      details: { kind: 'signboard', text: '授权测试牌子', placement: 'outside' },
      weeklyMinutes: 10,
    },
    target: 'community',
  },
  'ledger.act': {
    input: {
      itemId: LEDGER_ITEM,
      act: 'remove',
      basis: '授权测试〔2026〕1号',
      reason: '授权测试',
      approver: '授权测试',
      actedOn: '2026-01-01',
    },
    target: 'community',
  },
  'ledger.scheduleReinspection': {
    input: { itemId: LEDGER_ITEM, dueOn: '2099-01-01' },
    target: 'community',
  },
  'ledger.recordReinspection': {
    input: { itemId: LEDGER_ITEM, inspectedOn: '2026-01-01', present: false },
    target: 'community',
  },
  'ledger.importTemplate': {},
  'ledger.importPreview': {
    input: { communityId: A.communityId, file: LEDGER_CSV },
    target: 'community',
  },
  'ledger.import': {
    input: { communityId: A.communityId, file: LEDGER_CSV, skipRows: [] },
    target: 'community',
  },

  // The admission catalogues, on the city's draft CATALOGUE and the request CATALOGUE_REQUEST.
  'catalogue.list': {},
  'catalogue.get': { input: { catalogueId: CATALOGUE } },
  'catalogue.draft': {
    input: { place: { type: 'city' }, kind: 'work_items', year: 2090 },
    target: 'city',
  },
  'catalogue.addEntry': {
    input: { catalogueId: CATALOGUE, entry: CATALOGUE_ENTRY, reason: '授权测试' },
    target: 'city',
  },
  'catalogue.removeEntry': {
    input: { catalogueId: CATALOGUE, code: 'A-01', reason: '授权测试' },
    target: 'city',
  },
  'catalogue.publish': { input: { catalogueId: CATALOGUE }, target: 'city' },
  'catalogue.changeEntry': {
    input: { catalogueId: CATALOGUE, entry: CATALOGUE_ENTRY, reason: '授权测试' },
    target: 'city',
  },
  'catalogue.versions': { input: { place: { type: 'city' } }, target: 'city' },
  'catalogue.recordOffCatalogueTask': {
    input: {
      communityId: A.communityId,
      title: '授权测试事项',
      pushedBy: '授权测试部门',
      pushedOn: '2026-01-01',
      channel: 'phone',
    },
    target: 'community',
  },
  'catalogue.communityOffCatalogueTasks': {
    input: { communityId: A.communityId },
    target: 'community',
  },
  'catalogue.streetOffCatalogueTasks': { input: { streetId: A.streetId }, target: 'street' },
  'catalogue.fileRequest': {
    input: {
      place: { type: 'city' },
      kind: 'certificates',
      department: '授权测试部门',
      entry: CATALOGUE_ENTRY,
      reason: '授权测试',
    },
  },
  'catalogue.requests': { input: { place: { type: 'city' } }, target: 'city' },
  'catalogue.decideRequest': {
    input: { requestId: CATALOGUE_REQUEST, admit: false, reason: '授权测试' },
    target: 'city',
  },

  // Volunteer teams: the seeded 书院银龄互助队 and its records (apps/api/src/seed/teams.ts). Who
  // leads is the team's business: the leader's procedures are open to anyone signed in and their
  // decider refuses anyone else (not an access reason).
  'team.list': { input: { communityId: A.communityId } },
  'team.page': { input: { teamId: TEAM } },
  'team.register': {
    input: {
      communityId: A.communityId,
      kind: 'autonomous',
      name: '授权测试队',
      description: '授权测试',
      organiser: { name: '书院社区居民委员会', personInCharge: '张卫东', contact: '52700188' },
      skills: [],
      leaders: ['demo-volunteers'],
    },
    target: 'community',
  },
  'team.requestToJoin': { input: { teamId: TEAM } },
  'team.answerJoinRequest': {
    input: { teamId: TEAM, accountId: 'demo-r-zhang', answer: 'declined', reason: '授权测试' },
  },
  'team.leave': { input: { teamId: TEAM } },
  'team.handOver': { input: { teamId: TEAM, to: 'demo-r-zhao' } },
  'team.changeSkills': { input: { teamId: TEAM, skills: ['陪诊'] } },
  'team.manage': { input: { teamId: TEAM } },
  'team.mine': {},
  'team.recordService': {
    input: {
      teamId: TEAM,
      volunteerId: 'demo-r-zhao',
      startedAt: '2025-01-01T01:00:00.000Z',
      endedAt: '2025-01-01T02:00:00.000Z',
      place: '授权测试地点',
      content: '授权测试',
    },
  },
  'team.confirmRecord': { input: { recordId: TEAM_RECORD, evaluation: '授权测试' } },
  'team.requestCorrection': {
    input: {
      recordId: TEAM_RECORD,
      startedAt: '2025-01-01T01:00:00.000Z',
      endedAt: '2025-01-01T02:00:00.000Z',
      reason: '授权测试',
    },
  },
  'team.decideCorrection': {
    input: { recordId: TEAM_RECORD, decision: 'declined', reason: '授权测试' },
  },
  'team.activities': { input: { teamId: TEAM } },
  'team.planActivity': {
    input: {
      teamId: TEAM,
      title: '授权测试活动',
      description: '授权测试',
      shifts: [
        {
          startsAt: '2099-01-01T01:00:00.000Z',
          endsAt: '2099-01-01T02:00:00.000Z',
          place: '授权测试地点',
          slots: 2,
        },
      ],
    },
  },
  'team.signUp': { input: SHIFT },
  'team.cancelSignUp': { input: SHIFT },
  'team.confirmShift': { input: SHIFT },
  'team.shift': { input: { shiftId: SHIFT.shiftId } },
  'team.checkIn': { input: { ...SHIFT, code: '0123456789' } },
  'team.recordAttendance': { input: { ...SHIFT, accountId: 'demo-r-zhao', direction: 'in' } },
  'team.closeShift': { input: SHIFT },
  'team.needs': { input: { communityId: A.communityId } },
  'team.need': { input: { needId: NEED } },
  'team.postNeed': {
    input: {
      communityId: A.communityId,
      title: '授权测试需求',
      description: '授权测试',
      place: '授权测试地点',
      startsAt: '2099-01-01T01:00:00.000Z',
      endsAt: '2099-01-01T02:00:00.000Z',
      people: 2,
      skills: [],
    },
    target: 'community',
  },
  'team.claimNeed': { input: { needId: NEED, teamId: TEAM } },
  'team.requestCertificate': { input: { teamId: TEAM, from: '2025-01-01', until: '2025-06-30' } },
  'team.issueCertificate': { input: { certificateId: CERTIFICATE_REQUESTED } },
  'team.objectToCertificate': { input: { certificateId: CERTIFICATE, reason: '授权测试' } },
  'team.resolveCertificateObjection': {
    input: { certificateId: CERTIFICATE, decision: 'dismissed', reason: '授权测试' },
  },
  'team.revokeCertificate': { input: { certificateId: CERTIFICATE, reason: '授权测试' } },
  'team.certificates': { input: { teamId: TEAM } },
  'team.myCertificates': {},
  'team.certificate': { input: { certificateId: CERTIFICATE } },
  'team.verifyCertificate': { input: { code: 'ABCD-EFGH-JKLM' } },
  'team.hours': {
    input: { ...A, from: '2025-01-01', until: '2099-12-31' },
    target: 'community',
  },
  'team.acceptClaim': {
    input: { needId: NEED, teamId: TEAM, reason: '授权测试' },
    target: 'community',
  },
  'project.openSurvey': { input: { projectId: PROJECT }, target: 'community' },
  'project.closeSurvey': { input: { projectId: PROJECT }, target: 'community' },
  'project.answerSurvey': {
    input: {
      projectId: PROJECT,
      scores: { overall: 5, quality: 4, timeliness: 4, usefulness: 5 },
    },
  },
  'project.evaluate': {
    input: { projectId: PROJECT, reply: '感谢居民的评价与监督。' },
    target: 'community',
  },
  'report.preview': {
    input: { streetId: A.streetId, period: { type: 'cycle', cycleId: PROJECT_CYCLE } },
    target: 'street',
  },
  'report.publish': {
    input: {
      streetId: A.streetId,
      period: { type: 'cycle', cycleId: PROJECT_CYCLE },
      reason: '授权测试更正',
    },
    target: 'street',
  },
  'report.reports': { input: { streetId: A.streetId } },
  'report.report': { input: { reportId: `cycle-${PROJECT_CYCLE}` } },
  'project.enterPaperAnswer': {
    build: () => ({
      projectId: PROJECT,
      residentId: fixture.residentId,
      scores: { overall: 5, quality: 4, timeliness: 4, usefulness: 5 },
    }),
    target: 'community',
  },
  'project.resolvePaperAnswer': {
    build: () => ({ projectId: PROJECT, residentId: fixture.residentId, pick: 'first' }),
    target: 'community',
  },
  'project.paperSheets': { input: { projectId: PROJECT }, target: 'community' },
  'project.surveyComments': { input: { projectId: PROJECT }, target: 'community' },
  'project.publishSurveyComments': {
    input: { projectId: PROJECT, comments: ['扶手很结实。'] },
    target: 'community',
  },
  'project.supervision': { input: { projectId: PROJECT } },
  'project.follow': { input: { projectId: PROJECT } },
  'project.unfollow': { input: { projectId: PROJECT } },
  'project.volunteerAsSupervisor': { input: { projectId: PROJECT } },
  'project.nameSupervisor': {
    build: () => ({ projectId: PROJECT, residentId: fixture.residentId, source: 'round_table' }),
    target: 'community',
  },
  'project.fileReport': {
    input: { projectId: PROJECT, what: '扶手焊点开裂，需要加固。', where: '三号楼一单元' },
  },
  'project.answerReport': {
    input: { projectId: PROJECT, reportId: 'authz-report', answer: '已安排返工加固。' },
    target: 'community',
  },
  'project.comment': { input: { projectId: PROJECT, text: '授权测试的评论。' } },
  'project.hideComment': {
    input: { projectId: PROJECT, commentId: 'authz-comment', reason: '授权测试' },
    target: 'community',
  },
  'project.waitingReports': { input: { communityId: A.communityId }, target: 'community' },
  'project.desk': [
    {
      label: 'a community',
      input: { place: { type: 'community', communityId: A.communityId } },
      target: 'community',
    },
    {
      label: 'a street',
      input: { place: { type: 'street', streetId: A.streetId } },
      target: 'street',
    },
  ],
};

export interface Principal {
  name: string;
  kind?: 'staff' | 'resident';
  role?: StaffRole;
  /** Where the role is granted: in A (in scope of the samples) or in B. */
  placement?: 'A' | 'B';
  accountId?: string;
}

export const STAFF_ROLES = staffRoleSchema.options;
export const placementScope = (role: StaffRole, placement: 'A' | 'B'): Scope => {
  const place = placement === 'A' ? A : B;
  if (role === 'city_admin') return { type: 'city' };
  if (role === 'street_officer') return { type: 'street', streetId: place.streetId };
  return { type: 'community', communityId: place.communityId, streetId: place.streetId };
};

/** Signed in as the fixture resident (whose id createSampleRecords fills in). */
export const RESIDENT: Principal = { name: 'resident', kind: 'resident' };

export const PRINCIPALS: Principal[] = [
  { name: 'anonymous' },
  RESIDENT,
  ...STAFF_ROLES.flatMap((role): Principal[] =>
    (role === 'city_admin' ? (['A'] as const) : (['A', 'B'] as const)).map((placement) => ({
      name: `${role} in ${placement}`,
      kind: 'staff',
      role,
      placement,
      accountId: `authz-${role.replaceAll('_', '-')}-${placement.toLowerCase()}`,
    })),
  ),
];

/** Whether a grant placed so reaches the target in A: the rule of nested scopes, restated. */
export function reaches(principal: Principal, target: Target): boolean {
  if (principal.role === 'city_admin') return true;
  if (principal.placement !== 'A') return false;
  if (principal.role === 'street_officer') return target !== 'city';
  return target === 'community';
}

export interface ProcedureDef {
  _def: { meta?: ProcedureMeta; type: 'query' | 'mutation' | 'subscription' };
}
export const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, ProcedureDef>,
).sort(([a], [b]) => a.localeCompare(b));

export const samplesOf = (path: string): Sample[] => {
  const entry = SAMPLES[path];
  return entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
};

/**
 * Creates what the samples act on in a fresh server: an account for every principal (password
 * PASSWORD), the fixture accounts, places, cycles and objection, and the fixture residents
 * (whose ids it writes into `fixture` and RESIDENT).
 */
export async function createSampleRecords({
  api,
  resident,
}: ReturnType<typeof useResidentServer>): Promise<void> {
  const { store, runner } = api.runtime;
  const metadata: EventMetadata = {
    actor: 'system',
    channel: 'system',
    correlationId: 'procedure-samples',
    occurredAt: new Date().toISOString(),
  };
  const w = { store, readModels: runner, metadata };
  const passwordHash = await hashPassword(PASSWORD);
  const account = (accountId: string, loginName: string) =>
    organisationCommands.createStaffAccount(w, {
      accountId,
      loginName,
      displayName: loginName,
      passwordHash,
    });
  for (const principal of PRINCIPALS) {
    if (!principal.role || !principal.placement || !principal.accountId) continue;
    await account(principal.accountId, principal.accountId.replaceAll('-', '.'));
    await organisationCommands.grantRole(w, {
      accountId: principal.accountId,
      role: principal.role,
      scope: placementScope(principal.role, principal.placement),
    });
  }
  const inA1: Scope = { type: 'community', ...A };
  await account(TARGET_ACCOUNT, 'authz.target');
  await organisationCommands.grantRole(w, {
    accountId: TARGET_ACCOUNT,
    role: 'community_worker',
    scope: inA1,
  });
  await organisationCommands.grantRole(w, {
    accountId: TARGET_ACCOUNT,
    role: 'city_admin',
    scope: { type: 'city' },
  });
  await account(DEACTIVATED_ACCOUNT, 'authz.leaving');
  await organisationCommands.grantRole(w, {
    accountId: DEACTIVATED_ACCOUNT,
    role: 'team_leader',
    scope: inA1,
  });
  await account(LOGIN.accountId, LOGIN.loginName);
  await organisationCommands.registerStreet(w, {
    streetId: CLOSING_STREET,
    name: '待撤销街道',
  });
  await organisationCommands.registerCommunity(w, {
    communityId: CLOSING_COMMUNITY,
    streetId: A.streetId,
    kind: 'urban',
    name: '待撤销社区',
  });
  await cycleCommands.draftCycle(w, {
    cycleId: DRAFT_CYCLE,
    streetId: A.streetId,
    ...cycleDefinition({ title: '授权测试周期' }),
  });
  await cycleCommands.draftCycle(w, {
    cycleId: PUBLISHED_CYCLE,
    streetId: A.streetId,
    ...cycleDefinition(),
  });
  await cycleCommands.publishCycle(w, { cycleId: PUBLISHED_CYCLE });
  await outcomeCommands.fileObjection(w, {
    objectionId: OBJECTION,
    cycleId: NOTICE_CYCLE,
    communityId: A.communityId,
    target: { kind: 'count' },
    text: '授权测试的异议内容',
    photos: [],
    filedBy: 'system',
  });
  await meetingCommands.establishBody(w, {
    bodyId: MEETING.bodyId,
    communityId: A.communityId,
    streetId: A.streetId,
    kind: 'residents_council',
    name: '授权测试议事会',
    rules: { quorum: 'two_thirds', majority: 'of_present', noticeDays: 3 },
  });
  await meetingCommands.joinBody(w, {
    bodyId: MEETING.bodyId,
    residentId: MEETING.member,
    kind: 'resident',
    role: 'member',
    from: MEETING.day,
  });
  for (const meetingId of [MEETING.meetingId, MEETING.closingId, MEETING.minutesId]) {
    await meetingCommands.conveneMeeting(w, {
      meetingId,
      bodyId: MEETING.bodyId,
      title: '授权测试会议',
      agenda: [{ itemId: MEETING.itemId, title: '授权测试议题', reserved: false }],
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      place: '授权测试地点',
    });
  }
  await meetingCommands.tableMotion(w, {
    meetingId: MEETING.meetingId,
    motionId: MEETING.motionId,
    itemId: MEETING.itemId,
    text: '授权测试动议',
  });
  await meetingCommands.conveneMeeting(w, {
    meetingId: MEETING.followId,
    bodyId: MEETING.bodyId,
    title: '授权测试落实会议',
    agenda: [{ itemId: MEETING.followItemId, title: '授权测试议题', reserved: false }],
    startsAt: new Date(Date.now() + 3_600_000).toISOString(),
    place: '授权测试地点',
  });
  await meetingCommands.signIn(w, {
    meetingId: MEETING.followId,
    residentId: MEETING.member,
    via: 'worker',
  });
  await meetingCommands.tableMotion(w, {
    meetingId: MEETING.followId,
    motionId: MEETING.followMotionId,
    itemId: MEETING.followItemId,
    text: '授权测试动议',
  });
  await meetingCommands.voteOnMotion(w, {
    meetingId: MEETING.followId,
    motionId: MEETING.followMotionId,
    vote: { method: 'count', for: 1, against: 0, abstain: 0 },
  });
  await meetingResolutionCommands.assignResolution(
    w,
    {
      resolutionId: MEETING.resolutionId,
      meetingId: MEETING.followId,
      motionId: MEETING.followMotionId,
      owner: '授权测试物业',
      dueOn: '2099-01-01',
      link: null,
    },
    MEETING.day,
  );
  await meetingCommands.closeMeeting(w, MEETING.minutesId);
  await meetingMinutesCommands.draftMinutes(w, {
    meetingId: MEETING.minutesId,
    text: '授权测试纪要草稿',
  });
  await meetingMinutesCommands.circulateMinutes(w, MEETING.minutesId);
  for (const topicId of [MEETING.topicId, MEETING.declinedTopicId, MEETING.mergedTopicId]) {
    await meetingTopicCommands.raiseTopic(w, {
      topicId,
      communityId: A.communityId,
      streetId: A.streetId,
      title: '授权测试议题',
      detail: '授权测试说明',
      raisedBy: 'staff',
      authorId: 'system',
      source: 'own',
      sourceRef: null,
    });
  }
  await ledgerCommands.recordLedgerItem(w, {
    itemId: LEDGER_ITEM,
    communityId: A.communityId,
    title: '授权测试牌子',
    department: '授权测试部门',
    details: { kind: 'signboard', text: '授权测试牌子', placement: 'outside' },
    weeklyMinutes: 10,
    photos: [],
    recordedOn: '2026-01-01',
  });
  await catalogueCommands.draftCatalogue(w, {
    place: { type: 'city' },
    kind: 'certificates',
    year: 2091,
  });
  await catalogueCommands.fileCatalogueRequest(w, {
    requestId: CATALOGUE_REQUEST,
    place: { type: 'city' },
    kind: 'certificates',
    department: '授权测试部门',
    entry: CATALOGUE_ENTRY,
    reason: '授权测试',
  });
  await runner.waitForPosition((await store.headPosition())!, 10_000);

  const registered = await resident.register('authz-resident', {
    name: '授权测试居民',
    phone: PHONES.resident,
    ties: [
      { communityId: A.communityId, kind: 'lives' },
      { communityId: A.communityId, kind: 'studies' },
    ],
  });
  RESIDENT.accountId = fixture.residentId = registered.residentId;
  await resident.register('authz-relative', { name: '授权测试亲属', phone: PHONES.relative });
  fixture.forgottenId = (
    await resident.register('authz-forgotten', {
      name: '授权测试注销',
      phone: PHONES.forgotten,
    })
  ).residentId;
  const profile = await api.call<{ ties: { tieId: string; kind: string }[] }>(
    'resident.me',
    { minPosition: (await api.head()) ?? undefined },
    { as: 'authz-resident', query: true },
  );
  const ties = profile.body.result!.data.ties;
  fixture.livesTieId = ties.find((tie) => tie.kind === 'lives')!.tieId;
  fixture.studiesTieId = ties.find((tie) => tie.kind === 'studies')!.tieId;
}
