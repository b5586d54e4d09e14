// The API: one router per domain module (packages/api/src/<module>/router.ts), plus sign-in and
// sessions (session/router.ts), which belong to no domain module.
import { ballotRouter } from './ballot/router.ts';
import { cycleRouter } from './cycle/router.ts';
import { ledgerRouter } from './ledger/router.ts';
import { catalogueRouter } from './catalogue/router.ts';
import { notificationRouter } from './notification/router.ts';
import { organisationRouter } from './organisation/router.ts';
import { outcomeRouter } from './outcome/router.ts';
import { feedbackRouter } from './proposal/feedback.ts';
import { proposalRouter } from './proposal/router.ts';
import { projectRouter } from './project/router.ts';
import { residentRouter } from './resident/router.ts';
import { authRouter, sessionRouter } from './session/router.ts';
import { teamRouter } from './team/router.ts';
import { reportRouter } from './report/router.ts';
import { router } from './trpc.ts';
import { meetingRouter } from './meeting/router.ts';

export const appRouter = router({
  auth: authRouter,
  session: sessionRouter,
  organisation: organisationRouter,
  resident: residentRouter,
  cycle: cycleRouter,
  proposal: proposalRouter,
  feedback: feedbackRouter,
  notification: notificationRouter,
  ballot: ballotRouter,
  outcome: outcomeRouter,
  project: projectRouter,
  meeting: meetingRouter,
  ledger: ledgerRouter,
  catalogue: catalogueRouter,
  team: teamRouter,
  report: reportRouter,
});

export type AppRouter = typeof appRouter;
