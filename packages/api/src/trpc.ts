// tRPC set-up: every procedure declares its access in meta, and is built with `procedure()` so
// that the declaration is enforced after its input was validated. Errors leave in the caller's
// language: malformed input → 400 with fieldErrors, DomainError kinds → 400/403/404/409 (with
// a fieldError when the refusal names the input field it is about).
import { initTRPC, TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { z } from 'zod';
import { DomainError, type LocalizedText, type RefusalKind } from '@gongzhi/domain';
import { hasGrant, ROLE_LABELS, type Role, type Scope } from '@gongzhi/auth';
import { isStoreUnavailable } from '@gongzhi/eventstore';
import { asOfContext } from './as-of.ts';
import type { Context } from './context.ts';
import { InputError, localized, withLocale, type FieldError } from './input.ts';
import { DEFAULT_LOCALE, type Locale } from './locale.ts';
import { readPlaceName } from './organisation/places.ts';

/**
 * Who may call a procedure:
 * - 'public': anyone, signed in or not;
 * - 'signed_in': any signed-in account;
 * - 'resident': a signed-in resident, acting on their own record (residents hold no role grants);
 * - roles + scope: one of the roles, granted in a scope that reaches the target the input names
 *   (a grant in the city reaches every street and community, a street's reaches its communities).
 */
export type Access<Input = never> =
  | 'public'
  | 'signed_in'
  | 'resident'
  | {
      roles: readonly Role[];
      /** The place the call acts on, derived from the validated input. */
      scope: (input: Input, ctx: Context) => Scope | Promise<Scope>;
      /** What the procedure does, for the 403 message. */
      action: LocalizedText;
    };

export interface ProcedureMeta {
  access: Access<unknown>;
  /** What one call takes of a request's REQUEST_COST_LIMIT; 1 when not declared. */
  cost?: number;
}

/**
 * What the calls of one HTTP request may cost together: the API server refuses a batch over it
 * before any call runs. A call costs 1 unless its procedure declares more; one that reads every
 * ballot of a community costs half of it, a recount all of it.
 */
export const REQUEST_COST_LIMIT = 10;

const refusalCodes: Record<RefusalKind, TRPC_ERROR_CODE_KEY> = {
  invalid: 'BAD_REQUEST',
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
};

/**
 * A refusal that is neither the domain's nor about the input's shape: sign-in, access,
 * throttling, a wrong current password. `fieldErrors` name the form fields it is about.
 */
export class ApiRefusal extends TRPCError {
  constructor(
    code: TRPC_ERROR_CODE_KEY,
    readonly reason: string,
    readonly text: LocalizedText,
    locale: Locale,
    readonly fieldErrors?: FieldError[],
  ) {
    super({ code, message: text[locale] });
  }
}

const STORE_UNAVAILABLE: LocalizedText = {
  'zh-CN': '服务暂时忙不过来（数据库正在切换），请几秒后再试一次。',
  en: 'The service is briefly unavailable (its database is switching over); try again in a few seconds.',
};

/**
 * A database out of reach for a moment (a failover, a restart) is a typed 503 "try again",
 * not a 500: the request was fine and may well succeed in seconds.
 */
export function unavailableRefusal(error: unknown, locale: Locale): ApiRefusal | undefined {
  if (error instanceof ApiRefusal || !isStoreUnavailable(error)) return undefined;
  return new ApiRefusal('SERVICE_UNAVAILABLE', 'store_unavailable', STORE_UNAVAILABLE, locale);
}

const INTERNAL_ERROR: LocalizedText = {
  'zh-CN': '服务器出错了，请稍后再试。',
  en: 'Something went wrong on the server; please try again later.',
};

/** A body that is not JSON: tRPC's HTTP adapters report the parser's own message. */
const MALFORMED_REQUEST: LocalizedText = {
  'zh-CN': '请求内容不是有效的 JSON，请检查后重试。',
  en: 'The request body is not valid JSON; check it and try again.',
};

const TOO_LARGE: LocalizedText = {
  'zh-CN': '请求内容太大，服务器没有接收。',
  en: 'The request is too large; the server did not take it.',
};

const WRONG_METHOD: LocalizedText = {
  'zh-CN': '请求方法不对：查询用 GET，更改用 POST。',
  en: 'Wrong request method: GET for a query, POST for a change.',
};

const NO_SUCH_PROCEDURE: LocalizedText = {
  'zh-CN': '没有这个接口，请检查请求的路径。',
  en: 'There is no such procedure; check the path of the request.',
};

const MALFORMED_CALL: LocalizedText = {
  'zh-CN': '请求的格式不正确，服务器无法读取。',
  en: 'The request is not in a form the server can read.',
};

/**
 * A refusal tRPC words itself, in English only and without a reason: a method the procedure
 * does not take, a path that is no procedure, a batch or an input it cannot read.
 */
function trpcOwnRefusal(error: TRPCError): { reason: string; text: LocalizedText } | undefined {
  if (error instanceof ApiRefusal || error.cause !== undefined) return undefined;
  if (error.code === 'METHOD_NOT_SUPPORTED') return { reason: 'wrong_method', text: WRONG_METHOD };
  if (error.code === 'NOT_FOUND' && error.message.startsWith('No procedure found')) {
    return { reason: 'no_such_procedure', text: NO_SUCH_PROCEDURE };
  }
  if (error.code === 'BAD_REQUEST') return { reason: 'malformed_request', text: MALFORMED_CALL };
  return undefined;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter({ shape, error, ctx }) {
      const locale = ctx?.locale ?? DEFAULT_LOCALE;
      const fieldErrors: FieldError[] | undefined =
        error.cause instanceof InputError
          ? error.cause.fieldErrors
          : error instanceof ApiRefusal
            ? error.fieldErrors
            : error.cause instanceof DomainError && error.cause.field !== undefined
              ? [{ path: error.cause.field, message: error.cause.text[locale] }]
              : undefined;
      const malformed = error.code === 'BAD_REQUEST' && error.cause instanceof SyntaxError;
      const tooLarge = error.code === 'PAYLOAD_TOO_LARGE';
      const own = trpcOwnRefusal(error);
      const reason = own
        ? own.reason
        : malformed
          ? 'malformed_request'
          : tooLarge
            ? 'request_too_large'
            : error.cause instanceof DomainError
              ? error.cause.code
              : error instanceof ApiRefusal
                ? error.reason
                : fieldErrors
                  ? 'invalid_input'
                  : undefined;
      const internal = error.code === 'INTERNAL_SERVER_ERROR';
      return {
        ...shape,
        message: own
          ? own.text[locale]
          : internal
            ? INTERNAL_ERROR[locale]
            : malformed
              ? MALFORMED_REQUEST[locale]
              : tooLarge
                ? TOO_LARGE[locale]
                : shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          ...(reason ? { reason } : {}),
          ...(fieldErrors ? { fieldErrors } : {}),
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Fails closed (a procedure built without an access declaration cannot be called), then runs the
 * procedure, input parsing included, in the caller's language and maps refusals. One middleware
 * rather than two: each step of tRPC's chain copies the call's options.
 */
const declaredInLocale = t.middleware(async ({ ctx, meta, next }) => {
  if (!meta?.access) {
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'No access declaration' });
  }
  const result = await withLocale(ctx.locale, () => next());
  if (!result.ok) {
    const cause = result.error.cause;
    const unavailable = unavailableRefusal(cause, ctx.locale);
    if (unavailable) throw unavailable;
    if (cause instanceof DomainError) {
      throw new TRPCError({
        code: refusalCodes[cause.kind],
        message: cause.text[ctx.locale],
        cause,
      });
    }
  }
  return result;
});

const SIGN_IN_REQUIRED: LocalizedText = {
  'zh-CN': '请先登录。',
  en: 'Please sign in first.',
};

const RESIDENTS_ONLY: LocalizedText = {
  'zh-CN': '只有居民本人可以办理此事项，请用居民账号登录。',
  en: 'Only residents can do this, for themselves; sign in with a resident account.',
};

const enforceAccess = t.middleware(async ({ ctx, meta, input, type, next }) => {
  const access = meta!.access;
  if (ctx.asOf !== null) {
    // A view of the past: public queries only, on the record as it stood (as-of.ts).
    return next({ ctx: await asOfContext(ctx, access === 'public' && type === 'query') });
  }
  if (access === 'public') return next();
  const { account } = ctx;
  if (!account)
    throw new ApiRefusal('UNAUTHORIZED', 'sign_in_required', SIGN_IN_REQUIRED, ctx.locale);
  if (access === 'signed_in') return next();
  if (access === 'resident') {
    if (account.kind === 'resident') return next();
    throw new ApiRefusal('FORBIDDEN', 'residents_only', RESIDENTS_ONLY, ctx.locale);
  }
  const target = await access.scope(input, ctx);
  if (!hasGrant(account.grants, access.roles, target)) {
    throw new ApiRefusal(
      'FORBIDDEN',
      'out_of_scope',
      forbiddenText(access.roles, access.action, await describeScope(ctx, target)),
      ctx.locale,
    );
  }
  return next();
});

function forbiddenText(
  roles: readonly Role[],
  action: LocalizedText,
  place: LocalizedText,
): LocalizedText {
  const zhRoles = roles.map((role) => ROLE_LABELS[role]['zh-CN']).join('或');
  const enRoles = roles.map((role) => ROLE_LABELS[role].en).join(' or ');
  return {
    'zh-CN': `您没有权限${action['zh-CN']}：需要对${place['zh-CN']}负责的${zhRoles}角色。`,
    en: `You may not ${action.en}: it takes the role of ${enRoles} responsible for ${place.en}.`,
  };
}

async function describeScope(ctx: Context, scope: Scope): Promise<LocalizedText> {
  switch (scope.type) {
    case 'city':
      return { 'zh-CN': '全市', en: 'the city' };
    case 'street': {
      const name = await readPlaceName(ctx, scope);
      return { 'zh-CN': `街道「${name}」`, en: `the street “${name}”` };
    }
    case 'community': {
      const name = await readPlaceName(ctx, scope);
      return { 'zh-CN': `「${name}」`, en: `“${name}”` };
    }
  }
}

const base = t.procedure.use(declaredInLocale);

/**
 * A procedure with its access declaration and input schema; add .query() or .mutation(). A
 * procedure whose call does much more work than most declares its `cost` (ProcedureMeta).
 */
export function procedure<S extends z.ZodType>(
  access: Access<z.output<S>>,
  input: S,
  options: { cost?: number } = {},
) {
  if ((options.cost ?? 1) > REQUEST_COST_LIMIT) {
    throw new Error(`A call may cost at most ${REQUEST_COST_LIMIT}, the cost of a request`);
  }
  return base
    .meta({ access: access as Access<unknown>, ...options })
    .input(localized(input))
    .use(enforceAccess);
}

/** A procedure that takes no input: one sent anyway is refused as malformed input is (400). */
export function procedureWithoutInput(access: Access<undefined>) {
  return base
    .meta({ access: access as Access<unknown> })
    .input(localized(z.undefined()))
    .use(enforceAccess);
}
