// The generated authorization test (issue 3, item 5). It enumerates every procedure of the
// appRouter and calls each over HTTP as nobody, as a resident, and as an account of every staff
// role placed in street A / community A1 (in scope) and in street B / community B2 (out of
// scope), with a sample input from the table below. It fails when a procedure has no access declaration or no sample,
// so a new procedure cannot go unchecked. For each call it asserts:
//
// - a caller the declaration admits is not refused for access (401/403 with an access reason);
// - every other caller gets 401 (nobody) or 403 (anyone else) with a readable reason, and the
//   event store's head does not move.
//
// Who is admitted is worked out here from the declared roles and the place the sample acts on,
// independently of the scope functions: a scope function that names the wrong place fails.
// The matrix of outcomes is the "what each role can do" table of docs/security.md; the test
// fails when that table differs (GONGZHI_UPDATE_DOCS=1 rewrites it).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  appRouter,
  cycleCommands,
  organisationCommands,
  outcomeCommands,
  type ProcedureMeta,
} from '@gongzhi/api';
import { hashPassword, ROLE_LABELS } from '@gongzhi/auth';
import { chinaDate, staffRoleSchema, type Scope, type StaffRole } from '@gongzhi/domain';
import type { EventMetadata } from '@gongzhi/eventstore';
import { repoRoot } from '../src/runtime.ts';
import { engines, type Reply } from './harness.ts';
import { cycleDefinition } from './micro-fixtures.ts';
import { RESIDENT_PASSWORD, useResidentServer } from './resident-harness.ts';

// Street A / community A1 and street B / community B2 are the seeded demo places.
const A = { streetId: 'yushan', communityId: 'shuyuan' };
const B = { streetId: 'qinchuan', communityId: 'qinfeng' };
const PASSWORD = 'authz-password-1';

/** The place in A a sample acts on, as far as access is concerned. */
type Target = 'city' | 'street' | 'community';

interface Sample {
  input?: unknown;
  /** Builds the input when it names records made in beforeAll. */
  build?: () => unknown;
  /** For role declarations: the place in street A the call is about. */
  target?: Target;
  /** Names the case in the matrix when a procedure has several samples. */
  label?: string;
}

// Fixture records the samples act on (created in beforeAll).
const TARGET_ACCOUNT = 'authz-target';
const DEACTIVATED_ACCOUNT = 'authz-leaving';
const LOGIN = { accountId: 'authz-login', loginName: 'authz.login' };
const CLOSING_STREET = 'authz-closing';
const CLOSING_COMMUNITY = 'authz-closing-c';

// Residents the samples act on, registered in beforeAll: the signed-in resident (ties to A1:
// lives, to be verified; studies, to be rejected), a relative to receive a proxy, and one whom a
// worker forgets on written request. Their ids and tie ids are known only then.
const PHONES = {
  resident: '13900170001',
  relative: '13900170002',
  forgotten: '13900170003',
  onSpot: '13900170004',
  newcomer: '13900170005',
};
const fixture = { residentId: '', livesTieId: '', studiesTieId: '', forgottenId: '' };
// Cycles of street A the samples act on: a draft, and a published one.
const DRAFT_CYCLE = 'authz-cycle-draft';
const PUBLISHED_CYCLE = 'authz-cycle';

// The seeded demo cycles: 虞山街道's in screening (proposals of A1 in every state), 琴川街道's
// proposing. Each mutation acts on a proposal of its own.
const SCREENING_CYCLE = 'demo-cycle-yushan';
const PROPOSING_CYCLE = 'demo-cycle-qinchuan';
// The seeded cycle in publicity, and an objection to the count of A1 filed in beforeAll.
const NOTICE_CYCLE = 'demo-cycle-notice';
const OBJECTION = 'authz-objection';
const PROPOSAL_CONTENT = {
  title: '授权测试建议',
  description: '授权测试',
  category: 'goods',
  estimatedCost: 100_000,
  location: { text: '授权测试地点' },
};

/** Inputs that name fixture residents are built when the case runs. */
const later = (build: () => unknown) => ({ build });

/** One valid input per procedure (or several cases). Add one for every new procedure. */
const SAMPLES: Record<string, Sample | Sample[]> = {
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
  'resident.declareTieFor': {
    ...later(() => ({ communityId: A.communityId, residentId: fixture.residentId, kind: 'works' })),
    target: 'community',
  },
  'resident.forget': {
    ...later(() => ({
      communityId: A.communityId,
      residentId: fixture.forgottenId,
      writtenRequestRef: '书面申请 2025-001',
    })),
    target: 'community',
  },

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
};

/** Refusals that mean "not you" (sign-in or access), as opposed to any other outcome. */
const ACCESS_REASONS = new Set(['sign_in_required', 'out_of_scope', 'residents_only']);

interface Principal {
  name: string;
  kind?: 'staff' | 'resident';
  role?: StaffRole;
  /** Where the role is granted: in A (in scope of the samples) or in B. */
  placement?: 'A' | 'B';
  accountId?: string;
}

const STAFF_ROLES = staffRoleSchema.options;
const placementScope = (role: StaffRole, placement: 'A' | 'B'): Scope => {
  const place = placement === 'A' ? A : B;
  if (role === 'city_admin') return { type: 'city' };
  if (role === 'street_officer') return { type: 'street', streetId: place.streetId };
  return { type: 'community', communityId: place.communityId, streetId: place.streetId };
};

/** Signed in as the fixture resident (whose id beforeAll fills in). */
const RESIDENT: Principal = { name: 'resident', kind: 'resident' };

const PRINCIPALS: Principal[] = [
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
function reaches(principal: Principal, target: Target): boolean {
  if (principal.role === 'city_admin') return true;
  if (principal.placement !== 'A') return false;
  if (principal.role === 'street_officer') return target !== 'city';
  return target === 'community';
}

type Access = ProcedureMeta['access'];
type Expected = { admitted: true } | { admitted: false; status: 401 | 403; reason: string };

const ADMITTED: Expected = { admitted: true };
const refused = (status: 401 | 403, reason: string): Expected => ({
  admitted: false,
  status,
  reason,
});

function expectation(access: Access, principal: Principal, sample: Sample): Expected {
  const kind = typeof access === 'string' ? (access as string) : 'roles';
  if (kind === 'public') return ADMITTED;
  if (!principal.kind) return refused(401, 'sign_in_required');
  if (kind === 'signed_in') return ADMITTED;
  if (kind === 'resident') {
    return principal.kind === 'resident' ? ADMITTED : refused(403, 'residents_only');
  }
  if (kind === 'roles' && typeof access === 'object') {
    const admitted =
      principal.kind === 'staff' &&
      access.roles.includes(principal.role!) &&
      reaches(principal, sample.target ?? 'city');
    return admitted ? ADMITTED : refused(403, 'out_of_scope');
  }
  throw new Error(`No rule for the access declaration ${JSON.stringify(access)}: teach this test`);
}

interface ProcedureDef {
  _def: { meta?: ProcedureMeta; type: 'query' | 'mutation' | 'subscription' };
}
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, ProcedureDef>,
).sort(([a], [b]) => a.localeCompare(b));

const samplesOf = (path: string): Sample[] => {
  const entry = SAMPLES[path];
  return entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
};

describe('every procedure', () => {
  it.each(procedures)('%s declares its access and has a sample input', (path, procedure) => {
    const access = procedure._def.meta?.access;
    expect(access, `${path} has no access declaration`).toBeDefined();
    const samples = samplesOf(path);
    expect(samples.length, `add a sample input for ${path} to SAMPLES`).toBeGreaterThan(0);
    if (typeof access === 'object') {
      for (const sample of samples) expect(sample.target, `${path}: say its target`).toBeDefined();
    }
  });

  it('has no sample for a procedure that no longer exists', () => {
    const paths = new Set(procedures.map(([path]) => path));
    expect(Object.keys(SAMPLES).filter((path) => !paths.has(path))).toEqual([]);
  });
});

describe.each(engines.filter((e) => e.name === 'sqlite'))(
  'access of every procedure for every role, over HTTP on $name',
  ({ make }) => {
    const { api, resident } = useResidentServer(make());
    /** path + label → principal name → admitted (as observed and asserted). */
    const matrix = new Map<string, Map<string, boolean>>();

    beforeAll(async () => {
      const { store, runner } = api.runtime;
      const metadata: EventMetadata = {
        actor: 'system',
        channel: 'system',
        correlationId: 'authorization-test',
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
    });

    /** A fresh session per call, so that a call ending sessions (logout) affects no other. */
    async function callAs(
      principal: Principal,
      path: string,
      type: ProcedureDef['_def']['type'],
      input: unknown,
    ): Promise<Reply> {
      const headers: Record<string, string> = {};
      if (principal.accountId) {
        const { token } = await api.runtime.services.sessions.create(principal.accountId);
        headers.cookie = `gongzhi_session=${token}`;
      }
      return api.call(path, input, { query: type === 'query', headers });
    }

    const cases = procedures.flatMap(([path, procedure]) =>
      samplesOf(path).map((sample) => ({
        name: sample.label ? `${path} (${sample.label})` : path,
        path,
        procedure,
        sample,
      })),
    );

    it.each(cases)('$name', async ({ name, path, procedure, sample }) => {
      const access = procedure._def.meta!.access;
      const row = new Map<string, boolean>();
      matrix.set(name, row);
      const input = sample.build ? sample.build() : sample.input;
      for (const principal of PRINCIPALS) {
        const expected = expectation(access, principal, sample);
        const before = await api.head();
        const reply = await callAs(principal, path, procedure._def.type, input);
        const error = reply.body.error;
        const who = `${name} as ${principal.name}`;
        if (expected.admitted) {
          expect(
            error && ACCESS_REASONS.has(error.data.reason ?? ''),
            `${who} was refused: ${error?.message}`,
          ).toBeFalsy();
          expect(error?.data.reason, `${who}: the sample input is invalid`).not.toBe(
            'invalid_input',
          );
          expect(reply.status, `${who}: ${error?.message}`).toBeLessThan(500);
        } else {
          expect(reply.status, `${who} was not refused`).toBe(expected.status);
          expect(error?.data.reason, who).toBe(expected.reason);
          // Readable: a sentence in the caller's language (zh-CN by default).
          expect(error?.message, who).toMatch(/\p{Script=Han}{4,}/u);
          expect(await api.head(), `${who} wrote events`).toBe(before);
        }
        row.set(principal.name, expected.admitted);
      }
    });

    it('matches the table of what each role can do in docs/security.md', () => {
      expect(matrix.size, 'every case ran').toBe(cases.length);
      const table = renderMatrix(matrix, cases);
      const path = join(repoRoot, 'docs/security.md');
      const doc = readFileSync(path, 'utf8');
      const start = doc.indexOf(MATRIX_START);
      const end = doc.indexOf(MATRIX_END);
      expect(start, 'docs/security.md has the matrix markers').toBeGreaterThanOrEqual(0);
      const current = doc.slice(start + MATRIX_START.length, end);
      if (process.env.GONGZHI_UPDATE_DOCS === '1' && cells(current) !== cells(table)) {
        // Then `npx prettier --write docs/security.md` pads the columns again.
        writeFileSync(path, doc.slice(0, start + MATRIX_START.length) + table + doc.slice(end));
        return;
      }
      expect(cells(current), 'run with GONGZHI_UPDATE_DOCS=1 to rewrite the table').toBe(
        cells(table),
      );
    });
  },
);

const MATRIX_START =
  '<!-- access-matrix:start (generated by apps/api/test/authorization.test.ts) -->';
const MATRIX_END = '<!-- access-matrix:end -->';

/** A markdown table's cells, whatever padding a formatter gave its columns. */
const cells = (table: string): string =>
  table
    .trim()
    .split('\n')
    .map((line) =>
      line
        .split('|')
        .map((cell) => cell.trim().replace(/^-+$/, '-'))
        .join('|'),
    )
    .join('\n');

/**
 * One row per case, one column per role: ✓ admitted wherever its grant is; "own street" /
 * "own community" admitted only where its grant reaches the place; — refused.
 */
function renderMatrix(
  matrix: Map<string, Map<string, boolean>>,
  cases: { name: string; sample: Sample }[],
): string {
  const roleColumns = STAFF_ROLES.map((role) => ROLE_LABELS[role].en.toLowerCase());
  const header = `| procedure | anyone | resident | ${roleColumns.join(' | ')} |`;
  const rule = `| --- | --- | --- | ${STAFF_ROLES.map(() => '---').join(' | ')} |`;
  const rows = cases.map(({ name }) => {
    const row = matrix.get(name)!;
    const cells = STAFF_ROLES.map((role) => {
      const inA = row.get(`${role} in A`);
      const inB = role === 'city_admin' ? inA : row.get(`${role} in B`);
      if (inA && inB) return '✓';
      if (inA) return role === 'street_officer' ? 'own street' : 'own community';
      return '—';
    });
    const mark = (principal: string) => (row.get(principal) ? '✓' : '—');
    return `| \`${name}\` | ${mark('anonymous')} | ${mark('resident')} | ${cells.join(' | ')} |`;
  });
  return `\n${[header, rule, ...rows].join('\n')}\n`;
}
