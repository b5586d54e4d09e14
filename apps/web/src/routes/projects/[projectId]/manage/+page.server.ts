import { fail, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { mayActAsStreetOnProject, mayImplementProject } from '$lib/permissions';
import {
  biddersOf,
  committeeOf,
  fenOf,
  instantOf,
  milestonesOf,
  optional,
  rectificationsOf,
} from '$lib/project/forms';
import { orNotFound } from '$lib/server/cycles';
import { formText, itemRefusal, itemSuccess } from '$lib/server/forms';
import { chosenFiles, uploadPhotos } from '$lib/server/photos';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { refusePage, requireSignIn } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

// Recording a project's steps: the street's (立项, 概审, suspend, resume, cancel) and the
// implementer's (采购, 开工, milestones with photos, payments, 完工, 验收, 结算). Plain forms that
// work without JavaScript; each answer is shown beside its form.
export const load: PageServerLoad = async ({ locals, cookies, params, url }) => {
  if (!locals.user) requireSignIn(url, 'staff');
  const { project } = await orNotFound(
    locals.api.project.get.query({ projectId: params.projectId, minPosition: lastWrite(cookies) }),
  );
  const grants = locals.user.grants ?? [];
  const street = mayActAsStreetOnProject(grants, project);
  const implementer = mayImplementProject(grants, project);
  if (!street && !implementer) refusePage(m.project_manage_refused(), locals.user);
  return { project, street, implementer };
};

type Api = App.Locals['api']['project'];

/** Runs one act with what the form says; the answer goes beside the form named `item`. */
function act(
  item: string,
  call: (api: Api, data: FormData, event: RequestEvent) => Promise<{ position: string }>,
) {
  return async (event: RequestEvent) => {
    const data = await event.request.formData();
    try {
      const result = await call(event.locals.api.project, data, event);
      rememberWrite(event.cookies, result.position);
      return itemSuccess(item, m.project_recorded());
    } catch (error) {
      if (error instanceof PhotosRefused)
        return fail(400, { item, kind: 'error' as const, text: error.message });
      return itemRefusal(item, error);
    }
  };
}

const text = formText;

/** Photos the API refused (type, size), named with the reason; nothing is recorded. */
class PhotosRefused extends Error {}

/** The photos posted with a form, uploaded, with the phase and capture time the form gives. */
async function photosOf(event: RequestEvent, data: FormData) {
  const { photoIds, refused } = await uploadPhotos(event, chosenFiles(data, 'photos'));
  if (refused.length > 0) throw new PhotosRefused(refused.join(' '));
  const phase = text(data, 'phase') as 'before' | 'during' | 'after';
  const capturedAt = instantOf(text(data, 'capturedAt'));
  return photoIds.map((photoId) => ({ photoId, phase, capturedAt }));
}

export const actions: Actions = {
  approve: act('approve', (api, data, { params }) =>
    api.approve.mutate({
      projectId: params.projectId!,
      implementer: { kind: 'department', name: text(data, 'implementer') },
      note: optional(text(data, 'note')),
    }),
  ),
  reviewBudget: act('reviewBudget', (api, data, { params }) =>
    api.reviewBudget.mutate({
      projectId: params.projectId!,
      approvedBudget: fenOf(text(data, 'approvedBudget')),
      decisionRef: optional(text(data, 'decisionRef')),
      reason: optional(text(data, 'reason')),
    }),
  ),
  awardContract: act('awardContract', (api, data, { params }) =>
    api.awardContract.mutate({
      projectId: params.projectId!,
      method: text(data, 'method') as 'inquiry',
      bidders: biddersOf(text(data, 'bidders')),
      contractor: text(data, 'contractor'),
      contractValue: fenOf(text(data, 'contractValue')),
      reason: text(data, 'reason'),
    }),
  ),
  startWorks: act('startWorks', (api, data, { params }) =>
    api.startWorks.mutate({
      projectId: params.projectId!,
      startedOn: text(data, 'startedOn'),
      milestones: milestonesOf(text(data, 'milestones')),
    }),
  ),
  reachMilestone: act('reachMilestone', async (api, data, event) =>
    api.reachMilestone.mutate({
      projectId: event.params.projectId!,
      milestoneId: text(data, 'milestoneId'),
      reachedOn: text(data, 'reachedOn'),
      note: optional(text(data, 'note')),
      photos: await photosOf(event, data),
    }),
  ),
  recordPayment: act('recordPayment', (api, data, { params }) =>
    api.recordPayment.mutate({
      projectId: params.projectId!,
      amount: fenOf(text(data, 'amount')),
      paidOn: text(data, 'paidOn'),
      milestoneId: optional(text(data, 'milestoneId')),
      note: optional(text(data, 'note')),
    }),
  ),
  completeWorks: act('completeWorks', async (api, data, event) =>
    api.completeWorks.mutate({
      projectId: event.params.projectId!,
      completedOn: text(data, 'completedOn'),
      photos: await photosOf(event, data),
    }),
  ),
  recordAcceptance: act('recordAcceptance', (api, data, { params }) =>
    api.recordAcceptance.mutate({
      projectId: params.projectId!,
      verdict: text(data, 'verdict') as 'passed',
      acceptedOn: text(data, 'acceptedOn'),
      committee: committeeOf(
        text(data, 'implementerMember'),
        text(data, 'communityMember'),
        text(data, 'residents'),
        data.get('signed') === 'on',
      ),
      rectifications: rectificationsOf(text(data, 'rectifications')),
      note: optional(text(data, 'note')),
    }),
  ),
  settle: act('settle', (api, data, { params }) =>
    api.settle.mutate({
      projectId: params.projectId!,
      finalAmount: fenOf(text(data, 'finalAmount')),
      reason: optional(text(data, 'reason')),
    }),
  ),
  suspend: act('suspend', (api, data, { params }) =>
    api.suspend.mutate({ projectId: params.projectId!, reason: text(data, 'reason') }),
  ),
  resume: act('resume', (api, data, { params }) =>
    api.resume.mutate({ projectId: params.projectId!, reason: text(data, 'reason') }),
  ),
  cancel: act('cancel', (api, data, { params }) =>
    api.cancel.mutate({ projectId: params.projectId!, reason: text(data, 'reason') }),
  ),
};
