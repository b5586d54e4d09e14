// Authorization through chains (issue 10). The authorization matrix calls each procedure once per
// role; these sequences first change state the caller may change (declare a tie for someone,
// receive a proxy, have a tie verified, request an erasure, register a resident on the spot) and
// then attempt what the caller must not do to that resident (erase them, enter a proposal in their
// name, verify the tie they declared, confirm their own erasure request). Each refused call is
// checked to leave the event store's head where it was.
//
// The places are the seeded demo ones: 琴枫社区's worker `qinfeng` (琴川街道), 书院社区's
// workers `shuyuan` and `shuyuan2` (虞山街道, street officer `yushan`), and 书院社区's resident
// 钱福根 (demo-r-zhao, 13900001004). The first chain is the hole issue 10 reported: with
// `resident.forget` in place of `resident.requestErasure` it passed against the code before.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  demoPassword,
  engines,
  holdReadModelTable,
  waitsBeyond,
  type Reply,
  type useApiServer,
} from './harness.ts';
import { PROPOSAL_CONTENT, PROPOSING_CYCLE } from './procedure-samples.ts';
import { RESIDENT_PASSWORD, useResidentServer } from './resident-harness.ts';

const ZHAO = { residentId: 'demo-r-zhao', phone: '13900001004' };

/** A call that must be refused with `status` (and `reason`), writing nothing. */
const refusalsOf =
  ({ head }: ReturnType<typeof useApiServer>) =>
  async (made: Promise<Reply>, status: number, reason?: string): Promise<void> => {
    const before = await head();
    const reply = await made;
    expect(reply.status, JSON.stringify(reply.body)).toBe(status);
    if (reason) expect(reply.body.error?.data.reason).toBe(reason);
    expect(await head(), 'a refused call wrote events').toBe(before);
  };

describe.each(engines.filter((e) => e.name === 'sqlite'))(
  'chains of calls that must not reach beyond the caller’s scope, over HTTP on $name',
  ({ make }) => {
    const { api, resident } = useResidentServer(make());
    const { call, signIn, head } = api;
    const refusedWithoutWriting = refusalsOf(api);

    beforeAll(async () => {
      for (const staff of ['qinfeng', 'shuyuan', 'shuyuan2', 'yushan']) await signIn(staff);
    });

    const requestErasure = (as: string, communityId: string, residentId: string) =>
      call<{ erasureId: string }>(
        'resident.requestErasure',
        { communityId, residentId, writtenRequestRef: '琴枫2025-001' },
        { as },
      );

    it('a worker who declares a tie for another community’s resident cannot erase them (issue 10)', async () => {
      await refusedWithoutWriting(
        requestErasure('qinfeng', 'qinfeng', ZHAO.residentId),
        404,
        'resident_not_in_community',
      );
      const declared = await call<{ position: string }>(
        'resident.declareTieFor',
        { communityId: 'qinfeng', residentId: ZHAO.residentId, kind: 'works' },
        { as: 'qinfeng' },
      );
      expect(declared.status, JSON.stringify(declared.body)).toBe(200);
      await refusedWithoutWriting(
        requestErasure('qinfeng', 'qinfeng', ZHAO.residentId),
        404,
        'resident_not_in_community',
      );
      // Nor find them through that tie, once the read model holds it.
      const found = await call<{ residents: unknown[] }>(
        'resident.search',
        {
          communityId: 'qinfeng',
          query: ZHAO.phone,
          minPosition: declared.body.result!.data.position,
        },
        { as: 'qinfeng', query: true },
      );
      expect(found.body.result?.data.residents).toEqual([]);
    });

    it('a worker who declares a tie with the resident’s code can neither verify it nor act for them', async () => {
      const sent = await call(
        'resident.requestTieCode',
        { communityId: 'qinfeng', residentId: ZHAO.residentId },
        { as: 'qinfeng' },
      );
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      const declared = await call<{ tieId: string }>(
        'resident.declareTieFor',
        {
          communityId: 'qinfeng',
          residentId: ZHAO.residentId,
          kind: 'lives',
          code: resident.sender.lastCodeFor(ZHAO.phone),
        },
        { as: 'qinfeng' },
      );
      expect(declared.status, JSON.stringify(declared.body)).toBe(200);
      const { tieId } = declared.body.result!.data;
      await refusedWithoutWriting(
        call(
          'resident.verifyTie',
          { communityId: 'qinfeng', residentId: ZHAO.residentId, tieId, note: '已核对' },
          { as: 'qinfeng' },
        ),
        403,
        'tie_declared_by_verifier',
      );
      await refusedWithoutWriting(
        call(
          'proposal.submitFor',
          {
            communityId: 'qinfeng',
            residentId: ZHAO.residentId,
            cycleId: PROPOSING_CYCLE,
            ...PROPOSAL_CONTENT,
          },
          { as: 'qinfeng' },
        ),
        403,
        'not_acting_for',
      );
      await refusedWithoutWriting(
        requestErasure('qinfeng', 'qinfeng', ZHAO.residentId),
        404,
        'resident_not_in_community',
      );
      // Another street's officer verifies nothing in 琴枫社区 either.
      await refusedWithoutWriting(
        call(
          'resident.verifyTie',
          { communityId: 'qinfeng', residentId: ZHAO.residentId, tieId, note: '已核对' },
          { as: 'yushan' },
        ),
        403,
        'out_of_scope',
      );
    });

    it('a worker holding a resident’s proxy does not act for them as a worker of another community', async () => {
      const phone = resident.newPhone();
      const sun = await resident.register('sun', { name: '孙秀兰', phone });
      const granted = await call(
        'resident.grantProxy',
        { granteeAccountId: 'demo-qinfeng', powers: ['vote'] },
        { as: 'sun' },
      );
      expect(granted.status, JSON.stringify(granted.body)).toBe(200);
      await call('resident.me', { minPosition: await head() }, { as: 'sun', query: true });
      await refusedWithoutWriting(
        call(
          'proposal.submitFor',
          {
            communityId: 'qinfeng',
            residentId: sun.residentId,
            cycleId: PROPOSING_CYCLE,
            ...PROPOSAL_CONTENT,
          },
          { as: 'qinfeng' },
        ),
        403,
        'not_acting_for',
      );
      await refusedWithoutWriting(
        call(
          'proposal.submit',
          {
            forResidentId: sun.residentId,
            cycleId: PROPOSING_CYCLE,
            communityId: 'qinfeng',
            ...PROPOSAL_CONTENT,
          },
          { as: 'qinfeng' },
        ),
        403,
        'not_acting_for',
      );
      await refusedWithoutWriting(
        requestErasure('qinfeng', 'qinfeng', sun.residentId),
        404,
        'resident_not_in_community',
      );
    });

    it('a worker who requests an erasure cannot confirm it; another community’s worker neither', async () => {
      const phone = resident.newPhone();
      const zhou = await resident.register('zhou', { name: '周明德', phone });
      const tieId = (
        await call<{ ties: { tieId: string }[] }>('resident.me', undefined, {
          as: 'zhou',
          query: true,
        })
      ).body.result!.data.ties[0]!.tieId;
      const verified = await call(
        'resident.verifyTie',
        { communityId: 'shuyuan', residentId: zhou.residentId, tieId, note: '已核对' },
        { as: 'shuyuan' },
      );
      expect(verified.status).toBe(200);
      const requested = await requestErasure('shuyuan', 'shuyuan', zhou.residentId);
      expect(requested.status, JSON.stringify(requested.body)).toBe(200);
      const { erasureId } = requested.body.result!.data;
      const confirm = (as: string, communityId = 'shuyuan') =>
        call(
          'resident.confirmErasure',
          { communityId, residentId: zhou.residentId, erasureId },
          { as },
        );
      await refusedWithoutWriting(confirm('shuyuan'), 403, 'erasure_same_person');
      await refusedWithoutWriting(confirm('qinfeng'), 403, 'out_of_scope');
      // Naming their own community does not bring the erasure into it.
      await refusedWithoutWriting(confirm('qinfeng', 'qinfeng'), 404, 'erasure_not_found');
      // The resident does not confirm their own erasure; the workers' procedure is not theirs.
      await refusedWithoutWriting(confirm('zhou'), 403, 'out_of_scope');
      expect((await confirm('shuyuan2')).status).toBe(200);
    });

    it('a worker who registers a resident on the spot does not verify that resident’s tie', async () => {
      const registered = await call<{ residentId: string }>(
        'resident.registerOnSpot',
        {
          communityId: 'shuyuan',
          kind: 'lives',
          name: '冯阿大',
          phone: resident.newPhone(),
          birthYear: 1950,
          consent: { form: 'paper' },
        },
        { as: 'shuyuan' },
      );
      expect(registered.status, JSON.stringify(registered.body)).toBe(200);
      const { residentId } = registered.body.result!.data;
      const queue = await call<{
        ties: { residentId: string; tieId: string; declaredByMe: boolean }[];
      }>(
        'resident.verificationQueue',
        { communityId: 'shuyuan', minPosition: await head() },
        { as: 'shuyuan', query: true },
      );
      const tie = queue.body.result!.data.ties.find((t) => t.residentId === residentId)!;
      expect(tie.declaredByMe).toBe(true);
      await refusedWithoutWriting(
        call(
          'resident.verifyTie',
          { communityId: 'shuyuan', residentId, tieId: tie.tieId, note: '已核对' },
          { as: 'shuyuan' },
        ),
        403,
        'tie_declared_by_verifier',
      );
      const byAnother = await call(
        'resident.verifyTie',
        { communityId: 'shuyuan', residentId, tieId: tie.tieId, note: '已核对' },
        { as: 'shuyuan2' },
      );
      expect(byAnother.status).toBe(200);
    });
  },
);

// Taking back what let someone act: it holds from their very next call, however far the read
// models lag. A second PostgreSQL connection holds back the table the revocation is projected into
// (holdReadModelTable), so the read model still shows the role, the account, the proxy or the old
// password's hash while the store has revoked or replaced it; the revoker's own call may still be
// waiting for the read model to catch up.
describe.each(engines.filter((e) => e.name === 'postgres'))(
  'revocations in force at the next call while the read models lag, over HTTP on $name',
  ({ make }) => {
    const { api, resident } = useResidentServer(make());
    const { call, signIn, head } = api;
    const refusedWithoutWriting = refusalsOf(api);
    const readModel = () => api.runtime.services.readModels.db;

    beforeAll(async () => {
      for (const staff of ['qinfeng', 'shuyuan2', 'shuyuan3', 'yushan']) await signIn(staff);
    });

    /** Runs `revoke` with `table` held back and, once the revocation is written, `meanwhile`. */
    async function whileProjectionLags(
      table: string,
      revoke: () => Promise<Reply>,
      meanwhile: () => Promise<void>,
    ): Promise<void> {
      const release = await holdReadModelTable(api.runtime, table);
      const written = waitsBeyond(api.runtime, BigInt((await head()) ?? 0));
      try {
        const revoked = revoke();
        await Promise.race([written.waiting, revoked]);
        await meanwhile();
        await release();
        const reply = await revoked;
        expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      } finally {
        written.restore();
        await release();
      }
    }

    it('a worker whose role a street officer revoked is refused at the next call', async () => {
      const registerOnSpot = () =>
        call(
          'resident.registerOnSpot',
          {
            communityId: 'shuyuan',
            kind: 'lives',
            name: '郑阿福',
            phone: resident.newPhone(),
            birthYear: 1955,
            consent: { form: 'paper' },
          },
          { as: 'shuyuan2' },
        );
      const before = await registerOnSpot();
      expect(before.status, JSON.stringify(before.body)).toBe(200);
      const grant = {
        accountId: 'demo-shuyuan2',
        role: 'community_worker',
        scope: { type: 'community', communityId: 'shuyuan' },
      };
      await whileProjectionLags(
        'org_role_grants',
        () => call('organisation.revokeRole', grant, { as: 'yushan' }),
        async () => {
          const listed = await readModel().all<{ role: string }>(
            'SELECT role FROM org_role_grants WHERE account_id = ?',
            [grant.accountId],
          );
          expect(listed.map((g) => g.role)).toEqual(['community_worker']);
          await refusedWithoutWriting(registerOnSpot(), 403, 'out_of_scope');
          await refusedWithoutWriting(
            call(
              'resident.verificationQueue',
              { communityId: 'shuyuan' },
              { as: 'shuyuan2', query: true },
            ),
            403,
            'out_of_scope',
          );
        },
      );
    });

    it('a deactivated worker neither acts nor signs in again', async () => {
      await whileProjectionLags(
        'org_staff_accounts',
        () =>
          call(
            'organisation.deactivateStaffAccount',
            { accountId: 'demo-shuyuan3' },
            { as: 'yushan' },
          ),
        async () => {
          const row = await readModel().get<{ status: string }>(
            'SELECT status FROM org_staff_accounts WHERE account_id = ?',
            ['demo-shuyuan3'],
          );
          expect(row?.status).toBe('active');
          await refusedWithoutWriting(
            call(
              'resident.verificationQueue',
              { communityId: 'shuyuan' },
              { as: 'shuyuan3', query: true },
            ),
            401,
            'sign_in_required',
          );
          const again = await call('auth.login', {
            loginName: 'shuyuan3',
            password: demoPassword('shuyuan3'),
          });
          expect(again.status, JSON.stringify(again.body)).toBe(403);
          expect(again.body.error?.data.reason).toBe('account_deactivated');
          expect(again.headers.getSetCookie().join()).not.toMatch(/gongzhi_session=[^;]/);
        },
      );
    });

    it('a relative whose proxy the resident revoked no longer proposes for them', async () => {
      const grantor = await resident.register('grantor', {
        name: '蒋桂英',
        phone: resident.newPhone(),
        ties: [{ communityId: 'qinfeng', kind: 'lives' }],
      });
      const me = await call<{ ties: { tieId: string }[] }>(
        'resident.me',
        { minPosition: grantor.position },
        { as: 'grantor', query: true },
      );
      const verified = await call(
        'resident.verifyTie',
        {
          communityId: 'qinfeng',
          residentId: grantor.residentId,
          tieId: me.body.result!.data.ties[0]!.tieId,
          note: '已核对',
        },
        { as: 'qinfeng' },
      );
      expect(verified.status, JSON.stringify(verified.body)).toBe(200);
      const granteePhone = resident.newPhone();
      const grantee = await resident.register('grantee', { name: '蒋晓东', phone: granteePhone });
      // The grantee is found by number in the read model.
      await api.runtime.services.readModels.waitForPosition(BigInt(grantee.position), 10_000);
      const granted = await call<{ proxyId: string; position: string }>(
        'resident.grantProxy',
        { granteePhone, powers: ['propose'] },
        { as: 'grantor' },
      );
      expect(granted.status, JSON.stringify(granted.body)).toBe(200);
      const { proxyId, position } = granted.body.result!.data;
      const propose = (title: string) =>
        call(
          'proposal.submit',
          {
            cycleId: PROPOSING_CYCLE,
            communityId: 'qinfeng',
            ...PROPOSAL_CONTENT,
            title,
            forResidentId: grantor.residentId,
          },
          { as: 'grantee' },
        );
      const byProxy = await propose('代办提交的建议');
      expect(byProxy.status, JSON.stringify(byProxy.body)).toBe(200);
      await api.runtime.services.readModels.waitForPosition(BigInt(position), 10_000);

      await whileProjectionLags(
        'res_proxies',
        () => call('resident.revokeProxy', { proxyId }, { as: 'grantor' }),
        async () => {
          const row = await readModel().get<{ revoked_at: unknown }>(
            'SELECT revoked_at FROM res_proxies WHERE proxy_id = ?',
            [proxyId],
          );
          expect(row).toEqual({ revoked_at: null });
          await refusedWithoutWriting(propose('撤销代办后的建议'), 403, 'not_acting_for');
        },
      );
    });

    it('a staff member’s old password neither signs in nor passes as the current one once changed', async () => {
      await signIn('shuyuan');
      const oldPassword = demoPassword('shuyuan');
      const newPassword = 'yushan-hill-2027';
      const hashInReadModel = async () =>
        (await readModel().get<{ password_hash: string }>(
          'SELECT password_hash FROM org_staff_accounts WHERE account_id = ?',
          ['demo-shuyuan'],
        ))!.password_hash;
      const held = await hashInReadModel();
      const login = (password: string) => call('auth.login', { loginName: 'shuyuan', password });
      await whileProjectionLags(
        'org_staff_accounts',
        () =>
          call(
            'session.changePassword',
            { currentPassword: oldPassword, newPassword },
            { as: 'shuyuan' },
          ),
        async () => {
          expect(await hashInReadModel()).toBe(held);
          await refusedWithoutWriting(login(oldPassword), 401, 'wrong_credentials');
          await refusedWithoutWriting(
            call(
              'session.changePassword',
              { currentPassword: oldPassword, newPassword: 'shuyuan-gate-2027' },
              { as: 'shuyuan' },
            ),
            400,
            'wrong_password',
          );
          const signedIn = await login(newPassword);
          expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
        },
      );
    });

    it('a resident’s old password no longer signs in once changed, nor once reset with a code', async () => {
      const phone = resident.newPhone();
      const { residentId } = await resident.register('changer', { name: '陶惠珍', phone });
      const hashInReadModel = async () =>
        (await readModel().get<{ password_hash: string }>(
          'SELECT password_hash FROM res_residents WHERE resident_id = ?',
          [residentId],
        ))!.password_hash;
      const login = (password: string) => call('resident.login', { phone, password });
      const changed = 'taohua-bridge-2026';
      let held = await hashInReadModel();
      await whileProjectionLags(
        'res_residents',
        () =>
          call(
            'session.changePassword',
            { currentPassword: RESIDENT_PASSWORD, newPassword: changed },
            { as: 'changer' },
          ),
        async () => {
          expect(await hashInReadModel()).toBe(held);
          await refusedWithoutWriting(login(RESIDENT_PASSWORD), 401, 'wrong_credentials');
          await refusedWithoutWriting(
            call(
              'session.changePassword',
              { currentPassword: RESIDENT_PASSWORD, newPassword: 'meili-road-2027' },
              { as: 'changer' },
            ),
            400,
            'wrong_password',
          );
          const signedIn = await login(changed);
          expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
        },
      );

      const reset = 'yuqing-lane-2027';
      const code = await resident.codeFor(phone);
      // The change answers without waiting for the read model; hold it back from where it ends.
      await api.runtime.services.readModels.waitForPosition(BigInt((await head())!), 10_000);
      held = await hashInReadModel();
      await whileProjectionLags(
        'res_residents',
        () => call('resident.setPassword', { phone, code, password: reset }),
        async () => {
          expect(await hashInReadModel()).toBe(held);
          await refusedWithoutWriting(login(changed), 401, 'wrong_credentials');
          const signedIn = await login(reset);
          expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
        },
      );
    });
  },
);
