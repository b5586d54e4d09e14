// Whether a resident may take part in a project's community (answer its survey, supervise it):
// eligible to vote there under the project's cycle, as of today.
import { refuse } from '../shared/errors.ts';
import { checkEligibility, type EligibilitySubject } from '../resident/eligibility.ts';
import { votingRule } from '../ballot/ballot.ts';
import { requirePublishedCycle, type CycleState } from '../cycle/state.ts';
import type { ExistingProject } from './state.ts';

export type ResidentSubject = EligibilitySubject | { status: 'none' };

/** Refuses (403 `not_eligible`) unless the resident may vote in the project's community today. */
export function requireEligibleResident(
  project: ExistingProject,
  cycle: CycleState,
  resident: ResidentSubject,
  today: string,
  what: { zh: string; en: string },
): void {
  const published = requirePublishedCycle(cycle, project.opened.cycleId);
  const rule = { ...votingRule(published, project.opened.communityId), on: today };
  const eligibility =
    resident.status === 'none'
      ? ({
          eligible: false,
          text: { 'zh-CN': '找不到这位居民。', en: 'There is no such resident.' },
        } as const)
      : checkEligibility(resident, rule);
  if (!eligibility.eligible) {
    refuse(
      'forbidden',
      'not_eligible',
      `只有本社区有投票资格的居民可以${what.zh}：${eligibility.text['zh-CN']}`,
      `Only residents eligible to vote in the community ${what.en}: ${eligibility.text.en}`,
    );
  }
}
