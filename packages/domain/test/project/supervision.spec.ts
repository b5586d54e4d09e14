// Residents supervise a project: following it, supervisors named or volunteering (eligible in the
// community), reports due an answer within the cycle's days and answered once, and comments a
// worker hides only with a reason, the author being told.
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/shared/index.ts';
import {
  commentDecider,
  commentHiddenNotice,
  followDecider,
  followerNotice,
  projectDecider,
  supervisionDecider,
  type ProjectEvent,
  type ProjectEventOf,
  type SupervisionEventOf,
  type SupervisionStreamEvent,
} from '../../src/project/index.ts';
import type { PublishedCycle } from '../../src/cycle/index.ts';
import { cycleAt, residentOf } from '../cycle/fixtures.ts';
import { given, refused } from '../given.ts';

const projectId = 'p-handrails';
const opened: ProjectEventOf<'ProjectOpened'> = {
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
};
const project = fold(projectDecider, [opened]);
const cancelled = fold(projectDecider, [
  opened,
  {
    type: 'ProjectCancelled',
    data: { projectId, by: 'officer', reason: '场地被征用。', released: 0 },
  },
]);
const cycle = cycleAt('implementing');
const today = '2025-06-10';

describe('following a project', () => {
  const follow = {
    type: 'FollowProject' as const,
    data: { projectId, residentId: 'r1' },
    project,
  };
  const followed: SupervisionEventOf<'ProjectFollowed'> = {
    type: 'ProjectFollowed',
    data: follow.data,
  };

  it('follows once, unfollows once, and refuses a project that does not exist', () => {
    given(followDecider, []).when(follow).then([followed]);
    given(followDecider, [followed]).when(follow).then([]);
    given(followDecider, [followed])
      .when({ type: 'UnfollowProject', data: follow.data })
      .then([{ type: 'ProjectUnfollowed', data: follow.data }]);
    given(followDecider, []).when({ type: 'UnfollowProject', data: follow.data }).then([]);
    given(followDecider, [])
      .when({ ...follow, project: { status: 'none' } })
      .then(refused('not_found', 'project_not_found'));
  });

  it('tells followers of each stage, not of the opening', () => {
    const approved: ProjectEvent = {
      type: 'ProjectApproved',
      data: {
        projectId,
        by: 'o',
        implementer: { kind: 'department', name: '城建办' },
        documents: [],
      },
    };
    expect(followerNotice(approved, '扶手')?.['zh-CN']).toContain('「扶手」：立项');
    expect(followerNotice(opened, '扶手')).toBeNull();
  });
});

describe('supervisors and their reports', () => {
  const name = {
    type: 'NameSupervisor' as const,
    data: { projectId, residentId: 'r1', source: 'round_table' as const, by: 'worker' },
    project,
    cycle,
    resident: residentOf('hupan'),
    today,
  };
  const named: SupervisionStreamEvent = { type: 'ProjectSupervisorNamed', data: name.data };
  const file = {
    type: 'FileReport' as const,
    data: {
      projectId,
      reportId: 'rep1',
      supervisorId: 'r1',
      what: '三号楼扶手焊点开裂。',
      where: '三号楼一单元',
      photos: [],
    },
    project,
    cycle,
    today,
  };
  const filed: SupervisionStreamEvent = {
    type: 'SupervisionReportFiled',
    data: { ...file.data, filedOn: today, answerDueOn: '2025-06-17' },
  };
  const answer = {
    type: 'AnswerReport' as const,
    data: { projectId, reportId: 'rep1', by: 'dept', answer: '已安排施工方返工加固。' },
    today: '2025-06-12',
  };

  it('names a resident eligible in the community, once; refuses one who is not', () => {
    given(supervisionDecider, []).when(name).then([named]);
    given(supervisionDecider, [named]).when(name).then([]);
    given(supervisionDecider, [])
      .when({ ...name, resident: residentOf('binhu') })
      .then(refused('forbidden', 'not_eligible'));
    given(supervisionDecider, [])
      .when({ ...name, project: cancelled })
      .then(refused('conflict', 'supervision_over'));
  });

  it('takes reports only from supervisors, due within the cycle’s answer days (7 by default)', () => {
    given(supervisionDecider, []).when(file).then(refused('forbidden', 'not_supervisor'));
    given(supervisionDecider, [named]).when(file).then([filed]);
    given(supervisionDecider, [named, filed]).when(file).then([]);
    const threeDays = {
      ...cycle,
      definition: { ...(cycle as PublishedCycle).definition, supervisionAnswerDays: 3 },
    } as PublishedCycle;
    given(supervisionDecider, [named])
      .when({ ...file, cycle: threeDays })
      .then([{ ...filed, data: { ...filed.data, answerDueOn: '2025-06-13' } }]);
  });

  it('takes one answer per report, naming the supervisor it tells', () => {
    given(supervisionDecider, [named]).when(answer).then(refused('not_found', 'report_not_found'));
    const answered: SupervisionStreamEvent = {
      type: 'SupervisionReportAnswered',
      data: { ...answer.data, supervisorId: 'r1', answeredOn: '2025-06-12' },
    };
    given(supervisionDecider, [named, filed]).when(answer).then([answered]);
    given(supervisionDecider, [named, filed, answered])
      .when(answer)
      .then(refused('conflict', 'report_answered'));
  });
});

describe('comments', () => {
  const comment = {
    type: 'CommentOnProject' as const,
    data: { projectId, commentId: 'c1', residentId: 'r2', text: '施工时间能否避开午休？' },
    project,
  };
  const commented: SupervisionEventOf<'ProjectCommented'> = {
    type: 'ProjectCommented',
    data: comment.data,
  };
  const hide = {
    type: 'HideComment' as const,
    data: { projectId, commentId: 'c1', by: 'worker', reason: '含有他人电话号码。' },
  };

  it('takes a comment on a project that is not cancelled', () => {
    given(commentDecider, []).when(comment).then([commented]);
    given(commentDecider, [])
      .when({ ...comment, project: cancelled })
      .then(refused('conflict', 'project_cancelled'));
  });

  it('hides a comment once, naming its author to be told the reason', () => {
    const hidden: SupervisionEventOf<'ProjectCommentHidden'> = {
      type: 'ProjectCommentHidden',
      data: { ...hide.data, authorId: 'r2' },
    };
    given(commentDecider, [commented]).when(hide).then([hidden]);
    given(commentDecider, [commented, hidden]).when(hide).then([]);
    given(commentDecider, []).when(hide).then(refused('not_found', 'comment_not_found'));
    expect(commentHiddenNotice(hidden, '扶手').en).toContain('含有他人电话号码');
  });
});
