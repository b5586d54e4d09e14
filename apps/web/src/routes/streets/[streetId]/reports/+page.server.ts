// A street's outcome reports (public): each with its versions, the Atom feed of publications and
// corrections, and for the street's officers a link to compile one.
import { mayCompileReports } from '$lib/permissions';
import { loadPlaces, orNotFound } from '$lib/server/cycles';
import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, cookies }) => {
  const minPosition = lastWrite(cookies);
  const { reports } = await orNotFound(
    locals.api.report.reports.query({ streetId: params.streetId, minPosition }),
  );
  const places = await loadPlaces(locals.api, minPosition);
  return {
    reports,
    street: places.streets[params.streetId] ?? { name: params.streetId, nameEn: null },
    mayCompile: mayCompileReports(locals.user?.grants ?? [], params.streetId),
  };
};
