import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { mayActAsStreetOnProject, mayImplementProject, mayModerateProject } from '$lib/permissions';
import { loadPlaces, orNotFound } from '$lib/server/cycles';
import { formText, itemBlank, itemWrite } from '$lib/server/forms';
import { chosenFiles, uploadPhotos } from '$lib/server/photos';
import { orNotYet, pastView } from '$lib/server/as-of';
import { lastWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

// A project's public page: its stages, money, milestones with photos, payments, acceptance, and
// one timeline from the first proposal to the last step. Staff who may record a step get a link.
// Residents follow the project, supervise it and comment on it here; the implementer answers
// supervisors' reports and the community's workers hide comments (with a reason) on the same page.
export const load: PageServerLoad = async (event) => {
  const { locals, cookies, params } = event;
  // As of a past day (`?asOf=`): the record then, read-only, with nobody taking part.
  const view = pastView(event);
  const past = view.asOf !== null;
  const minPosition = past ? undefined : lastWrite(cookies);
  const [{ project, proposalTimeline }, supervision] = await Promise.all([
    orNotFound(
      orNotYet(view, view.api.project.get.query({ projectId: params.projectId, minPosition })),
    ),
    view.api.project.supervision.query({ projectId: params.projectId, minPosition }),
  ]);
  // Places are named as they are named today.
  const places = await loadPlaces(locals.api, minPosition);
  const grants = past ? [] : (locals.user?.grants ?? []);
  const mayImplement = mayImplementProject(grants, project);
  const mayManage = mayActAsStreetOnProject(grants, project) || mayImplement;
  const resident = !past && locals.user?.kind === 'resident';
  return {
    asOf: view.asOf,
    nowHref: view.nowHref,
    project,
    proposalTimeline,
    supervision,
    community: places.communities[project.communityId] ?? null,
    mayManage,
    mayAnswerReports: mayImplement,
    mayModerate: mayModerateProject(grants, project),
    /** Who reaches the survey's staff page: its workers and the street, and the implementer. */
    maySurveyStaff: mayModerateProject(grants, project) || mayImplement,
    resident,
    // A view of the past invites nobody to sign in and take part.
    signedIn: past || (locals.user !== null && locals.user !== undefined),
    mayAnswer: resident && project.survey !== null && project.surveyResult === null,
  };
};

export const actions: Actions = {
  follow: async ({ locals, cookies, params }) =>
    itemWrite(
      cookies,
      'follow',
      () => locals.api.project.follow.mutate({ projectId: params.projectId }),
      m.project_follow_done(),
    ),

  unfollow: async ({ locals, cookies, params }) =>
    itemWrite(
      cookies,
      'follow',
      () => locals.api.project.unfollow.mutate({ projectId: params.projectId }),
      m.project_unfollow_done(),
    ),

  volunteer: async ({ locals, cookies, params }) =>
    itemWrite(
      cookies,
      'volunteer',
      () => locals.api.project.volunteerAsSupervisor.mutate({ projectId: params.projectId }),
      m.project_volunteer_done(),
    ),

  fileReport: async (event) => {
    const { request, locals, cookies, params } = event;
    const data = await request.formData();
    const what = formText(data, 'what');
    const where = formText(data, 'where');
    if (!what || !where) return itemBlank('report');
    const { photoIds, refused } = await uploadPhotos(event, chosenFiles(data, 'photos'));
    if (refused.length > 0)
      return fail(400, { item: 'report', kind: 'error' as const, text: refused.join(' ') });
    // A supervisor reports what they see now: the photos are of the works under way, taken no
    // later than the report is filed.
    const capturedAt = new Date().toISOString();
    const photos = photoIds.map((photoId) => ({ photoId, phase: 'during' as const, capturedAt }));
    return itemWrite(
      cookies,
      'report',
      () =>
        locals.api.project.fileReport.mutate({ projectId: params.projectId, what, where, photos }),
      m.project_report_filed(),
    );
  },

  answerReport: async ({ request, locals, cookies, params }) => {
    const data = await request.formData();
    const reportId = formText(data, 'reportId');
    const answer = formText(data, 'answer');
    const item = `answer-${reportId}`;
    if (!answer) return itemBlank(item);
    return itemWrite(
      cookies,
      item,
      () =>
        locals.api.project.answerReport.mutate({ projectId: params.projectId, reportId, answer }),
      m.project_report_answered(),
    );
  },

  comment: async ({ request, locals, cookies, params }) => {
    const text = formText(await request.formData(), 'text');
    if (!text) return itemBlank('comment');
    return itemWrite(
      cookies,
      'comment',
      () => locals.api.project.comment.mutate({ projectId: params.projectId, text }),
      m.project_comment_posted(),
    );
  },

  hideComment: async ({ request, locals, cookies, params }) => {
    const data = await request.formData();
    const commentId = formText(data, 'commentId');
    const reason = formText(data, 'reason');
    const item = `hide-${commentId}`;
    if (!reason) return itemBlank(item);
    return itemWrite(
      cookies,
      item,
      () =>
        locals.api.project.hideComment.mutate({ projectId: params.projectId, commentId, reason }),
      m.project_comment_hidden_done(),
    );
  },
};
