// The API: one router per domain module (packages/api/src/<module>/router.ts), plus sign-in and
// sessions, which belong to no domain module.
import { organisationRouter } from './organisation/router.ts';
import { authRouter } from './session/router.ts';
import { router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  organisation: organisationRouter,
});

export type AppRouter = typeof appRouter;
