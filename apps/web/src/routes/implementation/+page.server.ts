import { m } from '$lib/paraglide/messages';
import {
  keepsProjectDesk,
  mayActAsStreetOnProject,
  mayImplementProject,
  maySurveyAnywhere,
  projectDeskPlaces,
} from '$lib/permissions';
import { communitiesById, loadOverview } from '$lib/server/places';
import { lastWrite } from '$lib/server/read-your-writes';
import { refusePage, requireSignIn } from '$lib/server/sign-in';
import type { PageServerLoad } from './$types';

// The projects desk (项目工作台) of department staff, consultants and the street: every project of
// the places their roles reach, with its stage and progress, and the supervision reports still
// owed an answer, overdue first. The street sees all its communities at once.
export const load: PageServerLoad = async ({ locals, cookies, url }) => {
  const staff = locals.user;
  if (!staff) requireSignIn(url, 'staff');
  if (staff.kind === 'resident' || !keepsProjectDesk(staff.grants))
    refusePage(m.project_desk_need_role(), staff);
  const minPosition = lastWrite(cookies);
  const overview = await loadOverview(locals.api, cookies);
  const places = projectDeskPlaces(
    staff.grants,
    overview.streets.map((street) => street.streetId),
  );
  const desks = await Promise.all(
    places.map(async (place) => {
      const { projects, reports } = await locals.api.project.desk.query({
        place:
          place.type === 'street' ? place : { type: 'community', communityId: place.communityId },
        minPosition,
      });
      const street = overview.streets.find((s) => s.streetId === place.streetId);
      const mayManage = (project: (typeof projects)[number]) =>
        mayImplementProject(staff.grants, project) ||
        mayActAsStreetOnProject(staff.grants, project);
      return {
        place,
        street,
        projects: projects.map((project) => ({ ...project, mayManage: mayManage(project) })),
        reports,
      };
    }),
  );
  return {
    desks,
    communities: communitiesById(overview),
    surveys: maySurveyAnywhere(staff.grants),
  };
};
