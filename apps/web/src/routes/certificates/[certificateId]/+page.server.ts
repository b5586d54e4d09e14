import { orNotFound } from '$lib/server/cycles';
import { lastWrite } from '$lib/server/read-your-writes';
import { requireSignIn } from '$lib/server/sign-in';
import { qrSvg } from '$lib/meeting/qr';
import type { PageServerLoad } from './$types';

// A certificate of volunteer service to print on A4 (its holder, the team's leaders and its
// community): the four parts, and a QR code of the public check with its verification code.
export const load: PageServerLoad = async ({ locals, cookies, params, url }) => {
  if (!locals.user) requireSignIn(url, 'resident');
  const held = await orNotFound(
    locals.api.team.certificate.query({
      certificateId: params.certificateId,
      minPosition: lastWrite(cookies),
    }),
  );
  const check = held.certificate
    ? `${url.origin}/verify?code=${encodeURIComponent(held.certificate.code)}`
    : null;
  return { held, check, qr: check ? await qrSvg(check) : null };
};
