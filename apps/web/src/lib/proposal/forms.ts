// The proposal form (submit, edit, resubmit, a worker's offline entry): plain strings, the cost
// in yuan, photos kept from an earlier post by id and new ones as files.
import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { costAboveCap, projectCategories, type ProjectCategory } from '@gongzhi/domain';
import { superValidate, type SuperValidated } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { local, yuanToFen } from '$lib/text';
import {
  addFieldError,
  blankFields,
  rowOf,
  type FieldOf,
  type FormMessage,
} from '$lib/server/forms';
import { receivePhotos } from '$lib/server/photos';

const text = z.string().default('');

export const proposalForm = z.object({
  communityId: text,
  title: text,
  description: text,
  category: text,
  /** Yuan, as typed. */
  estimatedCost: text,
  location: text,
  /** Photos already stored (from an earlier post, or the proposal being edited) that stay. */
  photoIds: z.array(z.string()).default([]),
  expectedRevision: text,
  // A worker's offline entry: the cycle, the resident, and whether a repeated entry is meant.
  cycleId: text,
  residentId: text,
  confirmDuplicate: z.boolean().default(false),
  /** After a refused repeated entry: the proposal already entered, to link to. */
  existingId: text,
});
export type ProposalFormData = z.infer<typeof proposalForm>;
type Form = SuperValidated<ProposalFormData, FormMessage>;

/** The file input's name. */
export const photoField = 'photos';

/** The proposal's content as the API takes it, or undefined when the form has problems. */
export interface ProposalContentInput {
  title: string;
  description: string;
  category: ProjectCategory;
  estimatedCost: number;
  location: { text: string };
  photoIds: string[];
}

const required: readonly (keyof ProposalFormData)[] = [
  'title',
  'description',
  'category',
  'estimatedCost',
  'location',
];

/** The cycle's caps by category, or undefined when the cycle cannot be read (the API decides). */
async function capsOf(event: RequestEvent, cycleId: string) {
  if (cycleId === '') return undefined;
  return event.locals.api.cycle.get.query({ cycleId }).then(
    (cycle) => cycle.rules.caps,
    () => undefined,
  );
}

/**
 * Reads a posted proposal form: checks the fields people most often leave out, and then the cost
 * against the cap of the cycle (`cycleId`, else the form's own), so that every field's problem
 * shows at once; uploads new photos (kept by id, so a refusal later does not ask for them again)
 * and converts yuan to fen.
 */
export async function readProposalForm(
  event: RequestEvent,
  id: string,
  cycleId?: string,
): Promise<{ form: Form; content: ProposalContentInput | undefined }> {
  const data = await event.request.formData();
  const form = (await superValidate(data, zod4(proposalForm), { id })) as Form;
  await receivePhotos(event, form, data, photoField);
  blankFields(form, required);
  const cost = yuanToFen(form.data.estimatedCost);
  if (form.data.estimatedCost.trim() !== '' && cost === undefined) {
    addFieldError(form, 'estimatedCost', m.cycle_form_not_amount());
  }
  // With other problems the API is not asked yet: say whether the cost fits its cap too.
  const category = projectCategories.find((c) => c === form.data.category);
  if (!form.valid && cost !== undefined && category) {
    const caps = await capsOf(event, cycleId ?? form.data.cycleId);
    const aboveCap = caps && costAboveCap(cost, category, caps);
    if (aboveCap) addFieldError(form, 'estimatedCost', local(aboveCap));
  }
  if (!form.valid) return { form, content: undefined };
  return {
    form,
    content: {
      title: form.data.title,
      description: form.data.description,
      category: form.data.category as ProjectCategory,
      estimatedCost: cost ?? 0,
      location: { text: form.data.location },
      photoIds: form.data.photoIds,
    },
  };
}

/** Where the API's problems with a proposal go on the form. */
export const proposalFieldOf: FieldOf = (path) => {
  if (path.startsWith('location')) return { field: 'location' };
  if (path.startsWith('photoIds')) return { field: 'photoIds', row: rowOf(path, 'photoIds') };
  return { field: path };
};

/** A site survey of a proposal (a consultant or a department's staff): its findings. */
export const surveyForm = z.object({
  organisation: text,
  notes: text,
  /** Yuan, as typed; blank keeps the author's estimate. */
  revisedCost: text,
  opinion: text,
  conditions: text,
  photoIds: z.array(z.string()).default([]),
});
