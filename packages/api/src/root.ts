import { authRouter } from './routers/auth.ts';
import { organisationRouter } from './routers/organisation.ts';
import { router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  organisation: organisationRouter,
});

export type AppRouter = typeof appRouter;
