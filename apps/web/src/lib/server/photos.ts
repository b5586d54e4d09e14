// Photos of a form posted as multipart/form-data (works without JavaScript): each file goes on to
// the API's POST /api/photos, which keeps it and answers its id, or says why it refused it.
import type { RequestEvent } from '@sveltejs/kit';
import type { SuperValidated } from 'sveltekit-superforms';
import { photoRules } from '@gongzhi/domain';
import { m } from '$lib/paraglide/messages';
import { fetchApi } from './api';
import type { FormMessage } from './forms';
import { addFieldError } from './forms';

/** The files chosen in a file input (an input left empty posts one nameless, empty file). */
export function chosenFiles(data: FormData, field: string): File[] {
  return data
    .getAll(field)
    .filter((entry): entry is File => entry instanceof File && entry.size > 0);
}

export type Uploaded = { photoIds: string[]; refused: string[] };

/** Uploads the files one by one; those refused are named with the reason, in the person's language. */
export async function uploadPhotos(event: RequestEvent, files: readonly File[]): Promise<Uploaded> {
  const photoIds: string[] = [];
  const refused: string[] = [];
  for (const file of files) {
    const body = new FormData();
    body.set('file', file, file.name);
    const response = await fetchApi(event, '/api/photos', { method: 'POST', body });
    const answer = (await response.json().catch(() => ({}))) as {
      photoId?: string;
      error?: { message?: string };
    };
    if (response.ok && answer.photoId) photoIds.push(answer.photoId);
    else refused.push(answer.error?.message ?? m.proposal_photo_failed({ name: file.name }));
  }
  return { photoIds, refused };
}

export const maxPhotos = photoRules.maxCount;
export const photoAccept = photoRules.types.join(',');

/**
 * Uploads the files posted in `field` and adds them to the photos the form keeps by id in
 * `photoIds` (stored by an earlier post that was refused, so not asked for again); too many
 * photos, or a file the API refused, is a problem on `photoIds`.
 */
export async function receivePhotos(
  event: RequestEvent,
  form: SuperValidated<Record<string, unknown>, FormMessage> & { data: { photoIds: string[] } },
  data: FormData,
  field = 'photos',
): Promise<void> {
  const files = chosenFiles(data, field);
  if (form.data.photoIds.length + files.length > maxPhotos) {
    addFieldError(form, 'photoIds', m.proposal_photos_too_many({ max: maxPhotos }));
  } else if (files.length > 0) {
    const uploaded = await uploadPhotos(event, files);
    form.data.photoIds = [...form.data.photoIds, ...uploaded.photoIds];
    for (const reason of uploaded.refused) addFieldError(form, 'photoIds', reason);
  }
}
