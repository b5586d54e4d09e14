// Moving a cycle to its next phase is a workflow above the cycle, ballot, outcome and proposal
// modules: the cycle's decider judges each move on facts the other modules hold, which this file
// gathers, and closing the vote also holds back new ballots and counts them. The modules it
// calls do not call each other in a circle; none of them imports this file.
import type { CyclePhase } from '@gongzhi/domain';
import { listUnfinishedProjects } from '@gongzhi/projections/project';
import { listFeedbackOwed } from '@gongzhi/projections/proposal';
import { apartFromCasting, tallyCycle } from '../ballot/commands.ts';
import { uncountedPaperBatches } from '../ballot/paper-commands.ts';
import type { Writer } from '../commands.ts';
import { moveCyclePhase, type PhaseMoveFacts } from '../cycle/commands.ts';
import { unansweredObjections } from '../outcome/commands.ts';
import { caughtUpToHead } from '../positions.ts';
import { openProjects } from '../project/commands.ts';

type PhaseMove = { cycleId: string; to: CyclePhase; reason?: string | undefined };

/**
 * Moves the cycle to its next phase. Confirming the selection (to implementing): see
 * confirmSelection; closing the cycle on the proposals whose
 * authors still wait for feedback and on its projects neither evaluated nor cancelled; closing the vote: see closeVote.
 */
export async function advanceCyclePhase(w: Writer, data: PhaseMove, expectedRevision?: bigint) {
  switch (data.to) {
    case 'publicity':
      return closeVote(w, data, expectedRevision);
    case 'implementing':
      return confirmSelection(w, data, expectedRevision);
    case 'closed':
      return moveCyclePhase(
        w,
        data,
        async () => ({
          feedbackOwed: await feedbackOwed(w, data.cycleId),
          projectsUnfinished: await listUnfinishedProjects(w.readModels.db, data.cycleId),
        }),
        expectedRevision,
      );
    default:
      return moveCyclePhase(w, data, async () => ({}), expectedRevision);
  }
}

/**
 * Confirming the selection (publicity → implementing) is decided on the number of the cycle's
 * objections still unanswered, and opens one project per winner (project/commands.ts); the
 * position answered is then the last project's. Should the process stop between the move and the
 * projects, project.openForCycle opens the missing ones (it opens none twice).
 */
async function confirmSelection(w: Writer, data: PhaseMove, expectedRevision?: bigint) {
  const moved = await moveCyclePhase(
    w,
    data,
    async () => ({ unansweredObjections: await unansweredObjections(w, data.cycleId) }),
    expectedRevision,
  );
  if (moved.events.length === 0) return moved;
  const opened = await openProjects(w, data.cycleId);
  return { ...moved, position: opened.at(-1)?.position ?? moved.position };
}

/**
 * Closing the vote (voting → publicity) waits for ballots being cast to be written and holds new
 * ones back while it moves, then counts every community and records the tallies (see
 * ballot/commands.ts); the position answered is then the last tally's. A retry of the move is
 * refused (the cycle is past voting) and records nothing; ballot.tally counts again if the
 * process stopped between the move and the count. Closing is refused while a paper batch resolved
 * during voting is not fully counted (its count needs voting open).
 */
async function closeVote(w: Writer, data: PhaseMove, expectedRevision?: bigint) {
  const facts = async (): Promise<PhaseMoveFacts> => ({
    uncountedPaperBatches: await uncountedPaperBatches(w, data.cycleId),
  });
  const moved = await apartFromCasting(w, data.cycleId, () =>
    moveCyclePhase(w, data, facts, expectedRevision),
  );
  if (moved.events.length === 0) return moved;
  const tallies = await tallyCycle(w, data.cycleId);
  return { ...moved, position: tallies.at(-1)?.result.position ?? moved.position };
}

/**
 * Titles of the cycle's proposals whose authors still wait for feedback, once the read models
 * hold every event written so far (closing the cycle is decided on them).
 */
async function feedbackOwed(w: Writer, cycleId: string): Promise<string[]> {
  await caughtUpToHead(w);
  return (await listFeedbackOwed(w.readModels.db, { cycleId })).map((p) => p.title);
}
