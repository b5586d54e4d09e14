import { fail } from '@sveltejs/kit';
import { isApiError } from '@gongzhi/api/client';
import { m } from '$lib/paraglide/messages';
import { mayImplementProject, mayModerateProject } from '$lib/permissions';
import { orNotFound } from '$lib/server/cycles';
import { formText, itemBlank, itemWrite } from '$lib/server/forms';
import { lastWrite } from '$lib/server/read-your-writes';
import { refusePage, requireSignIn } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

// The community's workers and the survey (满意度测评): paper answers entered twice by two workers
// (the resident found by phone number or name, as for paper ballots), the sheets whose two entries
// differ resolved by a third worker, and once the survey has closed, the free-text answers
// reviewed (personal data taken out, some left out) and published.
export const load: PageServerLoad = async ({ locals, cookies, params, url }) => {
  if (!locals.user) requireSignIn(url, 'staff');
  const minPosition = lastWrite(cookies);
  const { project } = await orNotFound(
    locals.api.project.get.query({ projectId: params.projectId, minPosition }),
  );
  const grants = locals.user.grants ?? [];
  const mayRun = mayModerateProject(grants, project);
  const mayEvaluate = mayImplementProject(grants, project);
  if (!mayRun && !mayEvaluate) refusePage(m.project_paper_refused(), locals.user);
  const orNull = async <T>(query: Promise<T>) => {
    try {
      return await query;
    } catch (error) {
      if (isApiError(error) && error.data?.httpStatus === 403) return null;
      throw error;
    }
  };
  const [paper, comments] = await Promise.all([
    orNull(locals.api.project.paperSheets.query({ projectId: params.projectId, minPosition })),
    project.surveyResult
      ? orNull(
          locals.api.project.surveyComments.query({ projectId: params.projectId, minPosition }),
        )
      : Promise.resolve(null),
  ]);
  return {
    project,
    sheets: paper?.sheets ?? null,
    comments: comments?.comments ?? null,
    staffId: locals.user.accountId,
    mayRun,
    mayEvaluate,
  };
};

export const actions: Actions = {
  openSurvey: async ({ locals, cookies, params }) =>
    itemWrite(
      cookies,
      'survey',
      () => locals.api.project.openSurvey.mutate({ projectId: params.projectId }),
      m.project_survey_opened(),
    ),

  closeSurvey: async ({ locals, cookies, params }) =>
    itemWrite(
      cookies,
      'survey',
      () => locals.api.project.closeSurvey.mutate({ projectId: params.projectId }),
      m.project_survey_closed(),
    ),

  evaluate: async ({ request, locals, cookies, params }) => {
    const reply = formText(await request.formData(), 'reply');
    if (!reply) return itemBlank('evaluate');
    return itemWrite(
      cookies,
      'evaluate',
      () => locals.api.project.evaluate.mutate({ projectId: params.projectId, reply }),
      m.project_evaluated(),
    );
  },

  enter: async ({ request, locals, cookies, params }) => {
    const data = await request.formData();
    const who = formText(data, 'resident');
    const score = (name: string) => Number(formText(data, name));
    const scores = {
      overall: score('overall'),
      quality: score('quality'),
      timeliness: score('timeliness'),
      usefulness: score('usefulness'),
    };
    if (!who || Object.values(scores).some((value) => !value)) return itemBlank('enter');
    const { project } = await locals.api.project.get.query({ projectId: params.projectId });
    const { residents } = await locals.api.resident.search.query({
      communityId: project.communityId,
      query: who,
    });
    if (residents.length !== 1) {
      const text =
        residents.length === 0 ? m.paper_voter_none() : m.project_paper_resident_several();
      return fail(400, { item: 'enter', kind: 'error' as const, text });
    }
    const comment = formText(data, 'comment');
    return itemWrite(
      cookies,
      'enter',
      () =>
        locals.api.project.enterPaperAnswer.mutate({
          projectId: params.projectId,
          residentId: residents[0]!.residentId,
          scores,
          ...(comment && { comment }),
        }),
      m.project_paper_entered(),
    );
  },

  resolve: async ({ request, locals, cookies, params }) => {
    const data = await request.formData();
    const residentId = formText(data, 'residentId');
    const pick = formText(data, 'pick') as 'first' | 'second' | 'rejected';
    const reason = formText(data, 'reason');
    return itemWrite(
      cookies,
      `resolve-${residentId}`,
      () =>
        locals.api.project.resolvePaperAnswer.mutate({
          projectId: params.projectId,
          residentId,
          pick,
          ...(reason && { reason }),
        }),
      m.project_paper_resolved(),
    );
  },

  publish: async ({ request, locals, cookies, params }) => {
    const data = await request.formData();
    const chosen = new Set(data.getAll('publish').map(String));
    const comments = data
      .getAll('comment')
      .map((c, i) => ({ text: String(c).trim(), i: String(i) }))
      .filter((c) => chosen.has(c.i) && c.text !== '')
      .map((c) => c.text);
    return itemWrite(
      cookies,
      'publish',
      () =>
        locals.api.project.publishSurveyComments.mutate({ projectId: params.projectId, comments }),
      m.project_comments_published(),
    );
  },
};
