// The ledger's forms (an item, an act, a re-inspection, a schedule): plain strings, photos kept
// from an earlier post by id and new ones as files taken with the camera; the API judges values.
import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { LedgerKind } from '@gongzhi/domain';
import type { SuperValidated } from 'sveltekit-superforms';
import { m } from '$lib/paraglide/messages';
import { addFieldError, type FormMessage } from '$lib/server/forms';
import { chosenFiles, maxPhotos, uploadPhotos } from '$lib/server/photos';

const text = z.string().default('');
const ids = z.array(z.string()).default([]);

export const itemForm = z.object({
  title: text,
  department: text,
  weeklyMinutes: text,
  text: text,
  placement: text.default('outside'),
  size: text,
  ruleBoard: text,
  mechanismType: text.default('leading_group'),
  appType: text.default('app'),
  purpose: text,
  forces: ids,
  owner: text,
  members: text,
  photoIds: ids,
});

export const actForm = z.object({
  act: text.default('remove'),
  intoItemId: text,
  basis: text,
  reason: text,
  approver: text,
  actedOn: text,
  beforePhotoIds: ids,
  afterPhotoIds: ids,
});

export const reinspectionForm = z.object({
  inspectedOn: text,
  present: text.default('no'),
  department: text,
  notes: text,
  photoIds: ids,
});

export const scheduleForm = z.object({ dueOn: text });

const optional = (value: string) => (value.trim() === '' ? undefined : value);

/** A whole number typed, or undefined (and a problem beside the field). */
export function wholeNumber(
  form: SuperValidated<Record<string, unknown>, FormMessage>,
  field: string,
  typed: string,
) {
  const value = Number(typed.trim());
  if (typed.trim() === '' || !Number.isInteger(value) || value < 0) {
    addFieldError(form, field, m.ledger_not_whole());
    return undefined;
  }
  return value;
}

/** The kind's own fields of a posted item form, as the API takes them. */
export function detailsOf(
  kind: LedgerKind,
  data: z.infer<typeof itemForm>,
  members: number | undefined,
) {
  switch (kind) {
    case 'signboard':
      return {
        kind,
        text: data.text || data.title,
        placement: data.placement,
        size: optional(data.size),
        ruleBoard: optional(data.ruleBoard),
      };
    case 'mechanism':
      return { kind, mechanismType: data.mechanismType };
    case 'app':
      return { kind, appType: data.appType, purpose: data.purpose, forces: data.forces };
    case 'chat_group':
      return { kind, owner: data.owner, purpose: data.purpose, members: members ?? 0 };
    case 'certificate':
    case 'task':
      return { kind, purpose: data.purpose };
  }
}

/**
 * Uploads the files posted in `field` and adds their ids to the form's `idsField` (ids stored by
 * an earlier refused post are kept); too many, or a file refused, is a problem on `idsField`.
 */
export async function receiveLedgerPhotos(
  event: RequestEvent,
  form: SuperValidated<Record<string, unknown>, FormMessage>,
  data: FormData,
  field: string,
  idsField: string,
): Promise<void> {
  const files = chosenFiles(data, field);
  const kept = form.data[idsField] as string[];
  if (kept.length + files.length > maxPhotos) {
    addFieldError(form, idsField, m.proposal_photos_too_many({ max: maxPhotos }));
  } else if (files.length > 0) {
    const uploaded = await uploadPhotos(event, files);
    form.data[idsField] = [...kept, ...uploaded.photoIds];
    for (const reason of uploaded.refused) addFieldError(form, idsField, reason);
  }
}
