// What the project procedures share: who may act on a project (read from its first event, so a
// project opened a moment ago is in scope), the role lists, and the photo inputs.
import { z } from 'zod';
import type { Role } from '@gongzhi/auth';
import {
  idSchema,
  parseProjectEvent,
  photoPhaseSchema,
  photoRules,
  projectStreams,
  refuse,
  type LocalizedText,
  type ProjectPhoto,
} from '@gongzhi/domain';
import { STREET_ROLES } from '../access.ts';
import type { Context } from '../context.ts';
import { firstEvent } from '../organisation/places.ts';
import { photosOf } from '../proposal/photos.ts';
import type { Access } from '../trpc.ts';

/** The street approves, reviews the budget, suspends, resumes and cancels. */
export const STREET_ACTS: readonly Role[] = STREET_ROLES;

/** The implementer's acts (procurement, works, payments, acceptance, final account). */
export const IMPLEMENTER_ACTS: readonly Role[] = ['department_staff', ...STREET_ROLES];

/** Who sees the staff list of projects: the implementers, consultants and the community's workers. */
export const PROJECT_STAFF: readonly Role[] = [
  'department_staff',
  'consultant',
  'community_worker',
  ...STREET_ROLES,
];

export const projectNotFound = (projectId: string): never =>
  refuse(
    'not_found',
    'project_not_found',
    `找不到项目（编号 ${projectId}）。`,
    `There is no project with id ${projectId}.`,
  );

/** The community of a project, from its first event. */
export async function projectScope(ctx: Context, projectId: string) {
  const event = await firstEvent(ctx, projectStreams.project(projectId), parseProjectEvent);
  if (event?.type !== 'ProjectOpened') return projectNotFound(projectId);
  const { communityId, streetId } = event.data;
  return { type: 'community' as const, communityId, streetId };
}

/** Staff holding one of `roles` for the community of the project the input names. */
export const projectStaff = (
  roles: readonly Role[],
  action: LocalizedText,
): Access<{ projectId: string }> => ({
  roles,
  scope: (input, ctx) => projectScope(ctx, input.projectId),
  action,
});

/** Photos of the works as a form sends them: the uploaded photo, when in the works, when taken. */
export const projectPhotoInput = z
  .array(z.object({ photoId: idSchema, phase: photoPhaseSchema, capturedAt: z.iso.datetime() }))
  .max(photoRules.maxCount)
  .optional();

/** The stored photos with their phase and capture time; a 400 beside the field for an unknown one. */
export async function projectPhotosOf(
  ctx: Context,
  input: z.infer<typeof projectPhotoInput>,
  field = 'photos',
): Promise<ProjectPhoto[]> {
  if (!input || input.length === 0) return [];
  const photos = await photosOf(
    ctx,
    input.map((p) => p.photoId),
    field,
  );
  return photos.map((photo, i) => ({
    ...photo,
    phase: input[i]!.phase,
    capturedAt: input[i]!.capturedAt,
  }));
}
