// Photos of a form posted as multipart/form-data (works without JavaScript): each file goes on to
// the API's POST /api/photos, which keeps it and answers its id, or says why it refused it.
import type { RequestEvent } from '@sveltejs/kit';
import { photoRules } from '@gongzhi/domain';
import { m } from '$lib/paraglide/messages';
import { fetchApi } from './api';

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
