import { m } from '$lib/paraglide/messages';
import { grantorsWith } from '$lib/server/acting';
import { orNotFound } from '$lib/server/cycles';
import { formText, itemRefusal, itemSuccess } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { refusePage, requireSignIn } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

// A resident answers a project's satisfaction survey (满意度测评): four questions (1–5) and a
// free text; answering again changes the answer until the survey closes. A proxy answers for the
// resident who gave them the power to vote (`forResidentId`). Answers are never shown with a name.
export const load: PageServerLoad = async ({ locals, cookies, params, url }) => {
  if (!locals.user) requireSignIn(url, 'resident');
  if (locals.user.kind !== 'resident') refusePage(m.project_survey_residents_only(), locals.user);
  const minPosition = lastWrite(cookies);
  const { project } = await orNotFound(
    locals.api.project.get.query({ projectId: params.projectId, minPosition }),
  );
  // The survey counts as a vote of the community: a proxy with the power to vote answers for the
  // grantor, chosen by GET so that it works without JavaScript; the API checks the proxy.
  const grantors = grantorsWith(await locals.api.resident.me.query({ minPosition }), 'vote');
  const forResident = grantors.find((g) => g.residentId === url.searchParams.get('for'));
  return { project, grantors, forResidentId: forResident?.residentId ?? '' };
};

const score = (data: FormData, name: string) => Number(formText(data, name));

export const actions: Actions = {
  answer: async ({ request, locals, cookies, params }) => {
    const data = await request.formData();
    const forResidentId = formText(data, 'forResidentId');
    try {
      const result = await locals.api.project.answerSurvey.mutate({
        projectId: params.projectId,
        scores: {
          overall: score(data, 'overall'),
          quality: score(data, 'quality'),
          timeliness: score(data, 'timeliness'),
          usefulness: score(data, 'usefulness'),
        },
        comment: formText(data, 'comment') || undefined,
        forResidentId: forResidentId || undefined,
      });
      rememberWrite(cookies, result.position);
      return itemSuccess('answer', m.project_survey_thanks());
    } catch (error) {
      return itemRefusal('answer', error);
    }
  },
};
