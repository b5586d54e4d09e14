// Paper answers to a satisfaction survey, entered twice by two workers: agreeing readings count,
// differing ones wait for a third worker who picks one or rejects the sheet with a reason; the
// reviewed free-text answers are published once the survey has closed.
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/shared/index.ts';
import {
  countedReading,
  paperSurveyDecider,
  projectDecider,
  surveyCommentDecider,
  type PaperSurveyEvent,
  type ProjectEvent,
} from '../../src/project/index.ts';
import { cycleAt, residentOf } from '../cycle/fixtures.ts';
import { given, refused } from '../given.ts';

const projectId = 'p-handrails';
const events: ProjectEvent[] = [
  {
    type: 'ProjectOpened',
    data: {
      projectId,
      cycleId: 'c2025',
      proposalId: projectId,
      streetId: 'yushan',
      communityId: 'hupan',
      title: '楼梯扶手加装',
      category: 'works',
      selectedCost: 3_000_000,
      votes: 12,
      ballotCount: 20,
      tallyDigest: 'a'.repeat(64),
    },
  },
  {
    type: 'ProjectSurveyOpened',
    data: {
      projectId,
      by: 'w',
      opensOn: '2025-07-10',
      closesOn: '2025-07-23',
      voters: 20,
      minimum: 1,
    },
  },
];
const scores = { overall: 5, quality: 4, timeliness: 4, usefulness: 5 };
const enter = (by: string, overall = 5) => ({
  type: 'EnterPaperSurvey' as const,
  data: { projectId, residentId: 'r1', by, scores: { ...scores, overall } },
  project: fold(projectDecider, events),
  cycle: cycleAt('implementing'),
  resident: residentOf('hupan'),
  today: '2025-07-12',
});
const entered = (entry: 1 | 2, by: string, overall = 5): PaperSurveyEvent => ({
  type: 'PaperSurveyEntered',
  data: { projectId, residentId: 'r1', entry, by, scores: { ...scores, overall } },
});

describe('entering a paper survey answer twice', () => {
  it('takes a first and a second entry from two different workers, while the survey is open', () => {
    given(paperSurveyDecider, [])
      .when(enter('w1'))
      .then([entered(1, 'w1')]);
    given(paperSurveyDecider, [entered(1, 'w1')])
      .when(enter('w1'))
      .then([]);
    given(paperSurveyDecider, [entered(1, 'w1')])
      .when(enter('w1', 3))
      .then(refused('conflict', 'same_worker'));
    given(paperSurveyDecider, [entered(1, 'w1')])
      .when(enter('w2'))
      .then([entered(2, 'w2')]);
    given(paperSurveyDecider, [entered(1, 'w1'), entered(2, 'w2')])
      .when(enter('w3'))
      .then(refused('conflict', 'entered_twice'));
    given(paperSurveyDecider, [])
      .when({ ...enter('w1'), today: '2025-07-30' })
      .then(refused('conflict', 'survey_not_open'));
    given(paperSurveyDecider, [])
      .when({ ...enter('w1'), resident: residentOf('binhu') })
      .then(refused('forbidden', 'not_eligible'));
  });

  it('counts agreeing readings at once, and differing ones only as the third worker decides', () => {
    expect(
      countedReading(fold(paperSurveyDecider, [entered(1, 'w1'), entered(2, 'w2')])),
    ).toMatchObject({ scores });
    const differ = [entered(1, 'w1'), entered(2, 'w2', 2)];
    expect(countedReading(fold(paperSurveyDecider, differ))).toBeUndefined();
    const resolve = (by: string, pick: 'first' | 'second' | 'rejected', reason?: string) => ({
      type: 'ResolvePaperSurvey' as const,
      data: { projectId, residentId: 'r1', by, pick, ...(reason && { reason }) },
    });
    given(paperSurveyDecider, differ)
      .when(resolve('w2', 'first'))
      .then(refused('forbidden', 'entered_it'));
    given(paperSurveyDecider, differ)
      .when(resolve('w3', 'rejected'))
      .then(refused('invalid', 'reason_required'));
    given(paperSurveyDecider, [entered(1, 'w1'), entered(2, 'w2')])
      .when(resolve('w3', 'first'))
      .then(refused('conflict', 'nothing_to_resolve'));
    const picked: PaperSurveyEvent = {
      type: 'PaperSurveyResolved',
      data: resolve('w3', 'second').data,
    };
    given(paperSurveyDecider, differ).when(resolve('w3', 'second')).then([picked]);
    expect(countedReading(fold(paperSurveyDecider, [...differ, picked]))?.scores.overall).toBe(2);
  });
});

describe('publishing the free-text answers', () => {
  it('publishes reviewed comments only once the survey has closed', () => {
    const publish = {
      type: 'PublishSurveyComments' as const,
      data: { projectId, by: 'w', comments: ['扶手很结实，谢谢。'] },
      project: fold(projectDecider, events),
    };
    given(surveyCommentDecider, []).when(publish).then(refused('conflict', 'survey_not_closed'));
    const closed: ProjectEvent = {
      type: 'ProjectSurveyClosed',
      data: {
        projectId,
        by: 'w',
        result: {
          answers: 1,
          voters: 20,
          minimum: 1,
          tooFew: false,
          distribution: {
            overall: [0, 0, 0, 0, 1],
            quality: [0, 0, 0, 1, 0],
            timeliness: [0, 0, 0, 1, 0],
            usefulness: [0, 0, 0, 0, 1],
          },
        },
      },
    };
    given(surveyCommentDecider, [])
      .when({ ...publish, project: fold(projectDecider, [...events, closed]) })
      .then([{ type: 'SurveyCommentsPublished', data: publish.data }]);
  });
});
