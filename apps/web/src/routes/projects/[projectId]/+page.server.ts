import { mayActAsStreetOnProject, mayImplementProject } from '$lib/permissions';
import { loadPlaces, orNotFound } from '$lib/server/cycles';
import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

// A project's public page: its stages, money, milestones with photos, payments, acceptance, and
// one timeline from the first proposal to the last step. Staff who may record a step get a link.
export const load: PageServerLoad = async ({ locals, cookies, params }) => {
  const minPosition = lastWrite(cookies);
  const { project, proposalTimeline } = await orNotFound(
    locals.api.project.get.query({ projectId: params.projectId, minPosition }),
  );
  const places = await loadPlaces(locals.api, minPosition);
  const grants = locals.user?.grants ?? [];
  const mayManage =
    mayActAsStreetOnProject(grants, project) || mayImplementProject(grants, project);
  return {
    project,
    proposalTimeline,
    community: places.communities[project.communityId] ?? null,
    mayManage,
    mayAnswer:
      locals.user?.kind === 'resident' && project.survey !== null && project.surveyResult === null,
  };
};
