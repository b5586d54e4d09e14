// Compiling a street's outcome report (street officers): choose a period (a cycle of the street or
// a year), preview exactly what would be published and how it differs from the latest version,
// then publish; a correction (new data after a version exists) needs a reason. Works without JS:
// the preview is a GET form, publishing a form action.
import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { mayCompileReports } from '$lib/permissions';
import { loadPlaces, orNotFound } from '$lib/server/cycles';
import { formText, itemBlank, itemRefusal } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { refusePage, requireSignIn } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

type Period = { type: 'cycle'; cycleId: string } | { type: 'year'; year: number };

/** `cycle:<cycleId>` or `year:<yyyy>`, as the period select posts it. */
function periodOf(value: string | null): Period | undefined {
  const cycle = /^cycle:(.+)$/.exec(value ?? '');
  if (cycle) return { type: 'cycle', cycleId: cycle[1]! };
  const year = /^year:(\d{4})$/.exec(value ?? '');
  return year ? { type: 'year', year: Number(year[1]) } : undefined;
}

export const load: PageServerLoad = async ({ locals, params, url, cookies }) => {
  const user = locals.user;
  if (!user) requireSignIn(url, 'staff');
  if (!mayCompileReports(user.grants, params.streetId)) {
    refusePage(m.report_compile_need_role(), user);
  }
  const minPosition = lastWrite(cookies);
  const [{ cycles }, places] = await Promise.all([
    locals.api.cycle.list.query({ streetId: params.streetId, minPosition }),
    loadPlaces(locals.api, minPosition),
  ]);
  const thisYear = Number(new Date().toISOString().slice(0, 4));
  const years = [...new Set([thisYear, ...cycles.map((c) => c.year)])].sort((a, b) => b - a);
  const chosen = url.searchParams.get('period');
  const period = periodOf(chosen);
  const preview = period
    ? await orNotFound(locals.api.report.preview.query({ streetId: params.streetId, period }))
    : null;
  return {
    street: places.streets[params.streetId] ?? { name: params.streetId, nameEn: null },
    options: [
      ...cycles.map((c) => ({ value: `cycle:${c.cycleId}`, label: c.title })),
      ...years.map((y) => ({
        value: `year:${y}`,
        label: m.report_period_year({ year: String(y) }),
      })),
    ],
    chosen: period ? chosen : null,
    preview,
  };
};

export const actions: Actions = {
  publish: async ({ request, locals, params, cookies }) => {
    const form = await request.formData();
    const period = periodOf(formText(form, 'period'));
    if (!period) return itemBlank('publish');
    const reason = formText(form, 'reason');
    let published: { reportId: string; version: number; position: string };
    try {
      published = await locals.api.report.publish.mutate({
        streetId: params.streetId,
        period,
        ...(reason ? { reason } : {}),
      });
    } catch (error) {
      return itemRefusal('publish', error);
    }
    rememberWrite(cookies, published.position);
    redirect(303, `/reports/${published.reportId}?version=${published.version}`);
  },
};
