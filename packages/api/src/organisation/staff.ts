// Staff administration: accounts and the roles they hold. One rule decides who may give or take
// back a role: authority over the place the role is about, one level up for anything above a
// community. A city administrator grants anything; a street officer grants community roles
// (worker, committee member, consultant, department staff, team leader) in the street's
// communities, never a street or city role, so nobody grants above their own scope.
import { z } from 'zod';
import {
  displayNameSchema,
  idSchema,
  loginNameSchema,
  reasonSchema,
  roleScopeType,
  staffRoleSchema,
  refuse,
  type Grant,
  type LocalizedText,
  type Scope,
  type StaffRole,
} from '@gongzhi/domain';
import { hashPassword, ROLE_LABELS } from '@gongzhi/auth';
import { uuidv7 } from '@gongzhi/eventstore';
import { listStaffAccounts } from '@gongzhi/projections/organisation';
import { readState, writerFor, type CommandResult } from '../commands.ts';
import type { Context } from '../context.ts';
import { currentLocale } from '../input.ts';
import { caughtUpTo, minPositionSchema, written } from '../positions.ts';
import { newPasswordSchema } from '../session/passwords.ts';
import { ApiRefusal, procedure, type Access } from '../trpc.ts';
import * as commands from './commands.ts';
import { communityScope, streetScope } from './places.ts';

/** Where a role is granted, as a form names it: a community's street is looked up, not sent. */
const placeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('city') }),
  z.object({ type: z.literal('street'), streetId: idSchema }),
  z.object({ type: z.literal('community'), communityId: idSchema }),
]);
type Place = z.output<typeof placeSchema>;

const SCOPE_TYPE_TEXT: Record<Scope['type'], LocalizedText> = {
  city: { 'zh-CN': '全市', en: 'the city' },
  street: { 'zh-CN': '一个街道', en: 'a street' },
  community: { 'zh-CN': '一个社区或村', en: 'a community or village' },
};

const grantFields = { role: staffRoleSchema, scope: placeSchema };

/** The place must be of the kind the role is for (a 400 on `scope.type` otherwise). */
function roleFitsPlace(input: { role: StaffRole; scope: Place }, issues: z.RefinementCtx): void {
  // Runs even when other fields failed, so look only at values that passed.
  const role: unknown = input.role;
  const given: unknown = (input.scope as Partial<Place> | undefined)?.type;
  if (typeof role !== 'string' || !Object.hasOwn(roleScopeType, role)) return;
  const wanted = roleScopeType[role as StaffRole];
  if (given === wanted || !Object.hasOwn(SCOPE_TYPE_TEXT, String(given))) return;
  const locale = currentLocale();
  const label = ROLE_LABELS[role as StaffRole][locale];
  issues.addIssue({
    code: 'custom',
    path: ['scope', 'type'],
    message:
      locale === 'zh-CN'
        ? `「${label}」角色只能授予在${SCOPE_TYPE_TEXT[wanted][locale]}范围内`
        : `The role “${label}” is granted in ${SCOPE_TYPE_TEXT[wanted][locale]}`,
  });
}

async function resolvePlace(ctx: Context, place: Place): Promise<Scope> {
  switch (place.type) {
    case 'city':
      return { type: 'city' };
    case 'street':
      return streetScope(ctx, place.streetId);
    case 'community':
      return communityScope(ctx, place.communityId);
  }
}

/** Whose authority granting `role` in `place` takes: the community's, or else the city's. */
async function authorityToGrant(ctx: Context, role: StaffRole, place: Place): Promise<Scope> {
  const scope = await resolvePlace(ctx, place);
  return roleScopeType[role] === 'community' ? scope : { type: 'city' };
}

/**
 * Whose authority deactivating an account takes: that of every role it holds. Community roles
 * all in one street take that street's; anything else (street or city roles, roles in several
 * streets, no role at all) takes the city's.
 */
async function authorityOverAccount(ctx: Context, accountId: string): Promise<Scope> {
  const { state: account } = await readState(ctx.services.store, commands.accountRecord(accountId));
  if (account.status === 'none') {
    return refuse(
      'not_found',
      'account_not_found',
      `找不到账号（编号 ${accountId}）。`,
      `There is no account with id ${accountId}.`,
    );
  }
  const streets = new Set(
    account.grants.map((grant: Grant) =>
      grant.scope.type === 'community' ? grant.scope.streetId : undefined,
    ),
  );
  const [street] = streets;
  return streets.size === 1 && street !== undefined
    ? { type: 'street', streetId: street }
    : { type: 'city' };
}

const STAFF_ADMINS = ['city_admin', 'street_officer'] as const;

const granting = (action: LocalizedText): Access<{ role: StaffRole; scope: Place }> => ({
  roles: STAFF_ADMINS,
  scope: (input, ctx) => authorityToGrant(ctx, input.role, input.scope),
  action,
});

const OWN_ACCOUNT: LocalizedText = {
  'zh-CN': '不能对自己的账号这样操作，请由其他管理员办理。',
  en: 'You cannot do this to your own account; ask another administrator.',
};

function refuseOwnAccount(ctx: Context, accountId: string): void {
  if (ctx.account?.accountId === accountId) {
    throw new ApiRefusal('FORBIDDEN', 'own_account', OWN_ACCOUNT, ctx.locale);
  }
}

/**
 * Sign-in and access checks read accounts and grants from the read model: answer once it has
 * applied the change, so that a grant, revocation or deactivation is in force when the caller
 * hears of it.
 */
async function inForce<Event>(ctx: Context, result: CommandResult<Event>) {
  await caughtUpTo(ctx, result.position);
  return written(result);
}

const labelled = <G extends { role: StaffRole }>(grant: G) => ({
  ...grant,
  label: ROLE_LABELS[grant.role],
});

export const staffProcedures = {
  /** Staff accounts with their grants: all of them for the city, or those of one street. */
  staffAccounts: procedure(
    {
      roles: STAFF_ADMINS,
      scope: (input) =>
        input?.streetId === undefined
          ? { type: 'city' }
          : { type: 'street', streetId: input.streetId },
      action: { 'zh-CN': '查看工作人员账号', en: 'list staff accounts' },
    },
    z.object({ streetId: idSchema.optional(), minPosition: minPositionSchema }).optional(),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input?.minPosition);
    const filter = input?.streetId === undefined ? {} : { streetId: input.streetId };
    const accounts = await listStaffAccounts(ctx.services.readModels.db, filter);
    return {
      accounts: accounts.map((account) => ({ ...account, grants: account.grants.map(labelled) })),
    };
  }),

  /** A new account with its first role; the role decides who may create it. */
  createStaffAccount: procedure(
    granting({ 'zh-CN': '创建此工作人员账号', en: 'create this staff account' }),
    z
      .object({
        loginName: loginNameSchema,
        displayName: displayNameSchema,
        password: newPasswordSchema,
        ...grantFields,
      })
      .superRefine(roleFitsPlace),
  ).mutation(async ({ ctx, input }) => {
    const accountId = uuidv7();
    const scope = await resolvePlace(ctx, input.scope);
    const w = writerFor(ctx);
    await commands.createStaffAccount(w, {
      accountId,
      loginName: input.loginName,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
    });
    const result = await commands.grantRole(w, { accountId, role: input.role, scope });
    return { ...(await inForce(ctx, result)), accountId };
  }),

  grantRole: procedure(
    granting({ 'zh-CN': '授予此角色', en: 'grant this role' }),
    z.object({ accountId: idSchema, ...grantFields }).superRefine(roleFitsPlace),
  ).mutation(async ({ ctx, input }) => {
    const scope = await resolvePlace(ctx, input.scope);
    return inForce(
      ctx,
      await commands.grantRole(writerFor(ctx), {
        accountId: input.accountId,
        role: input.role,
        scope,
      }),
    );
  }),

  revokeRole: procedure(
    granting({ 'zh-CN': '撤销此角色', en: 'revoke this role' }),
    z.object({ accountId: idSchema, ...grantFields }).superRefine(roleFitsPlace),
  ).mutation(async ({ ctx, input }) => {
    // Else the last city administrator could lock everybody out.
    refuseOwnAccount(ctx, input.accountId);
    const scope = await resolvePlace(ctx, input.scope);
    return inForce(
      ctx,
      await commands.revokeRole(writerFor(ctx), {
        accountId: input.accountId,
        role: input.role,
        scope,
      }),
    );
  }),

  /** The account can no longer sign in; its sessions end now. Its history stays. */
  deactivateStaffAccount: procedure(
    {
      roles: STAFF_ADMINS,
      scope: (input, ctx) => authorityOverAccount(ctx, input.accountId),
      action: { 'zh-CN': '停用此账号', en: 'deactivate this account' },
    },
    z.object({ accountId: idSchema, reason: reasonSchema.optional() }),
  ).mutation(async ({ ctx, input }) => {
    refuseOwnAccount(ctx, input.accountId);
    const result = await commands.deactivateStaffAccount(writerFor(ctx), input);
    const revokedSessions = await ctx.services.sessions.revokeAll(input.accountId);
    return { ...(await inForce(ctx, result)), revokedSessions };
  }),
};
