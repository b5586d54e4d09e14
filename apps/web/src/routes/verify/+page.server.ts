import { isApiError } from '@gongzhi/api/client';
import type { PageServerLoad } from './$types';

// The public check of a certificate of volunteer service (a GET form, works without JavaScript
// and from the printed QR code): what the certificate states, or that the code is unknown here,
// held by an objection, or revoked.
export const load: PageServerLoad = async ({ locals, url }) => {
  const code = (url.searchParams.get('code') ?? '').trim();
  if (!code) return { code, result: null, invalid: false };
  try {
    return {
      code,
      result: await locals.api.team.verifyCertificate.query({ code }),
      invalid: false,
    };
  } catch (error) {
    if (isApiError(error) && error.data?.httpStatus === 400) {
      return { code, result: null, invalid: true };
    }
    throw error;
  }
};
