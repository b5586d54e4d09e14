// Accepting a team's claim on a need is a workflow above the need and project modules: the need
// takes the claim (declining the others with the reason), and where the need offered a
// micro-project whole, the project is handed to the team, which becomes its implementer. Both
// steps are idempotent, so a retry after a crash between them finishes the second.
import { readState, type Writer } from '../commands.ts';
import { onProject } from '../project/commands.ts';
import { needRecord, onNeed } from '../team/needs.ts';

export async function acceptNeedClaim(
  w: Writer,
  data: { needId: string; teamId: string; by: string; reason?: string | undefined },
) {
  const accepted = await onNeed(w, data.needId, () => ({
    type: 'AcceptNeedClaim',
    data: {
      needId: data.needId,
      teamId: data.teamId,
      by: data.by,
      ...(data.reason ? { reason: data.reason } : {}),
    },
  }));
  const { state } = await readState(w.store, needRecord(data.needId));
  if (state.status !== 'taken' || state.takenBy !== data.teamId) return accepted;
  const source = state.posted.source;
  if (source.kind !== 'project' || source.part !== 'whole') return accepted;
  const handed = await onProject(w, source.projectId, () => ({
    type: 'HandProjectToTeam',
    data: { projectId: source.projectId, by: data.by, teamId: data.teamId, needId: data.needId },
  }));
  return { ...accepted, position: handed.position ?? accepted.position };
}
