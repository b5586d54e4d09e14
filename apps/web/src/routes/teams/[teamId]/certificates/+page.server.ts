import { m } from '$lib/paraglide/messages';
import { orNotFound } from '$lib/server/cycles';
import { formText, itemBlank, itemWrite } from '$lib/server/forms';
import { lastWrite } from '$lib/server/read-your-writes';
import { requireSignIn } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

// A team's certificates of service: announced ones inside the team for seven days (a member may
// object), and for its leaders and community the requests to issue, objections to resolve, and
// revoking with a reason.
export const load: PageServerLoad = async ({ locals, cookies, params, url }) => {
  if (!locals.user) requireSignIn(url, 'resident');
  const minPosition = lastWrite(cookies);
  const [page, list] = await Promise.all([
    orNotFound(locals.api.team.page.query({ teamId: params.teamId, minPosition })),
    orNotFound(locals.api.team.certificates.query({ teamId: params.teamId, minPosition })),
  ]);
  return { team: page, ...list };
};

/** One certificate action, answered beside the certificate. */
async function act(
  request: Request,
  cookies: Parameters<typeof itemWrite>[0],
  needsReason: boolean,
  call: (certificateId: string, data: FormData) => Promise<{ position: string }>,
  done: string,
) {
  const data = await request.formData();
  const certificateId = formText(data, 'certificateId');
  if (needsReason && formText(data, 'reason') === '') return itemBlank(certificateId);
  return itemWrite(cookies, certificateId, () => call(certificateId, data), done);
}

export const actions: Actions = {
  issue: ({ request, locals, cookies }) =>
    act(
      request,
      cookies,
      false,
      (certificateId, data) => {
        const remarks = formText(data, 'remarks');
        return locals.api.team.issueCertificate.mutate({
          certificateId,
          ...(remarks ? { remarks } : {}),
        });
      },
      m.team_certificate_issued(),
    ),
  object: ({ request, locals, cookies }) =>
    act(
      request,
      cookies,
      true,
      (certificateId, data) =>
        locals.api.team.objectToCertificate.mutate({
          certificateId,
          reason: formText(data, 'reason'),
        }),
      m.team_certificate_objected(),
    ),
  resolve: ({ request, locals, cookies }) =>
    act(
      request,
      cookies,
      true,
      (certificateId, data) =>
        locals.api.team.resolveCertificateObjection.mutate({
          certificateId,
          decision: formText(data, 'decision') === 'upheld' ? 'upheld' : 'dismissed',
          reason: formText(data, 'reason'),
        }),
      m.team_certificate_resolved(),
    ),
  revoke: ({ request, locals, cookies }) =>
    act(
      request,
      cookies,
      true,
      (certificateId, data) =>
        locals.api.team.revokeCertificate.mutate({
          certificateId,
          reason: formText(data, 'reason'),
        }),
      m.team_certificate_revoked(),
    ),
};
