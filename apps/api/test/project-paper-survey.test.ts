// Paper answers to a satisfaction survey over HTTP, with the double-entry care of paper ballots:
// on the seed's 书院社区 mailboxes (completed), accepted and put to the survey, two workers enter
// each sheet; agreeing entries count at once, differing ones wait for a third worker, who sees
// both readings and picks one; a worker may not enter a sheet twice or resolve one they entered,
// nor may a worker of another community act here. The closed survey counts each resident once.
import { readProject } from '@gongzhi/projections/project';
import { beforeAll, describe, expect, it } from 'vitest';
import { engines, useApiServer, type Reply } from './harness.ts';

const PROJECT = 'demo-i-mailboxes';
const scores = (overall: number) => ({ overall, quality: 4, timeliness: 4, usefulness: 5 });
const committee = [
  { role: 'implementer', name: '城建办 王工', signed: true },
  { role: 'community', name: '书院社区 李书记', signed: true },
  { role: 'resident_representative', name: '居民代表 甲', signed: true },
  { role: 'resident_representative', name: '居民代表 乙', signed: true },
];

describe.each(engines)('paper survey answers over HTTP on $name', (engine) => {
  const api = useApiServer(engine.make());
  const { call } = api;
  const ok = <T>(reply: Reply<T>): T => {
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };
  const { refusedWritingNothing } = api;
  const act = <T = unknown>(path: string, input: Record<string, unknown>, as: string) =>
    call<T>(`project.${path}`, { projectId: PROJECT, ...input }, { as });
  type Entered = { entry: number | null; counted: boolean };
  const enter = (residentId: string, overall: number, as: string, comment?: string) =>
    act<Entered>('enterPaperAnswer', { residentId, scores: scores(overall), comment }, as);
  const said = '信箱很好用，电话 13912345678 的王师傅装得仔细。';

  beforeAll(async () => {
    for (const login of ['department', 'shuyuan', 'shuyuan2', 'shuyuan3', 'qinfeng']) {
      await api.signIn(login);
    }
    ok(
      await act(
        'recordAcceptance',
        { verdict: 'passed', acceptedOn: '2025-11-01', committee },
        'department',
      ),
    );
  });

  it('counts agreeing entries by two workers, and refuses a second entry by the same one', async () => {
    await refusedWritingNothing(enter('demo-r-li', 5, 'shuyuan'), 409, 'survey_not_open');
    ok(await act('openSurvey', {}, 'shuyuan'));
    expect(ok(await enter('demo-r-li', 5, 'shuyuan', said))).toEqual({
      entry: 1,
      counted: false,
      position: expect.any(String),
    });
    await refusedWritingNothing(enter('demo-r-li', 4, 'shuyuan'), 409, 'same_worker');
    await refusedWritingNothing(enter('demo-r-li', 5, 'qinfeng'), 403);
    await refusedWritingNothing(enter('demo-r-chen', 5, 'shuyuan'), 403, 'not_eligible');
    expect(ok(await enter('demo-r-li', 5, 'shuyuan2', said))).toMatchObject({
      entry: 2,
      counted: true,
    });
    await refusedWritingNothing(enter('demo-r-li', 5, 'shuyuan3'), 409, 'entered_twice');
  });

  it('shows differing readings to a third worker only, who picks one', async () => {
    ok(await enter('demo-r-zhao', 5, 'shuyuan'));
    expect(ok(await enter('demo-r-zhao', 2, 'shuyuan2'))).toMatchObject({ counted: false });
    const { sheets } = ok(
      await call<{ sheets: { residentId: string; differing: unknown; firstBy: string }[] }>(
        'project.paperSheets',
        { projectId: PROJECT, minPosition: String(await api.head()) },
        { query: true, as: 'shuyuan3' },
      ),
    );
    expect(sheets.find((s) => s.residentId === 'demo-r-li')).toMatchObject({ differing: null });
    expect(sheets.find((s) => s.residentId === 'demo-r-zhao')).toMatchObject({
      firstBy: 'demo-shuyuan',
      differing: { first: { scores: { overall: 5 } }, second: { scores: { overall: 2 } } },
    });
    const resolve = { residentId: 'demo-r-zhao', pick: 'second' };
    await refusedWritingNothing(act('resolvePaperAnswer', resolve, 'shuyuan2'), 403, 'entered_it');
    await refusedWritingNothing(
      act('resolvePaperAnswer', { residentId: 'demo-r-zhao', pick: 'rejected' }, 'shuyuan3'),
      400,
    );
    expect(ok(await act('resolvePaperAnswer', resolve, 'shuyuan3'))).toMatchObject({
      counted: true,
    });

    const published = ['信箱很好用，王师傅装得仔细。'];
    await refusedWritingNothing(
      act('publishSurveyComments', { comments: published }, 'shuyuan'),
      409,
      'survey_not_closed',
    );
    api.runtime.services.now = () => new Date(Date.now() + 30 * 86_400_000);
    try {
      ok(await act('closeSurvey', {}, 'shuyuan'));
    } finally {
      delete api.runtime.services.now;
    }
    // Staff review the free text (without who wrote it) and publish it without the phone number.
    const review = ok(
      await call<{ comments: string[] }>(
        'project.surveyComments',
        { projectId: PROJECT, minPosition: String(await api.head()) },
        { query: true, as: 'shuyuan' },
      ),
    );
    expect(review.comments).toEqual([said]);
    await refusedWritingNothing(
      act('publishSurveyComments', { comments: published }, 'qinfeng'),
      403,
    );
    ok(await act('publishSurveyComments', { comments: published }, 'shuyuan'));
    const { project } = ok(
      await call<{
        project: {
          survey: { eligible: number | null };
          publishedComments: string[] | null;
          surveyResult: { answers: number | null; distribution: { overall: number[] } | null };
        };
      }>(
        'project.get',
        { projectId: PROJECT, minPosition: String(await api.head()) },
        { query: true },
      ),
    );
    // The rate is also measured against every resident eligible in the community.
    expect(project.survey.eligible).toBeGreaterThanOrEqual(4);
    expect(project.publishedComments).toEqual(published);
    // Two answers, one on paper: counted in the record, withheld from the public page.
    expect(project.surveyResult).toMatchObject({ answers: null, distribution: null });
    const recorded = await readProject(api.runtime.services.readModels.db, PROJECT);
    expect(recorded?.surveyResult).toMatchObject({
      answers: 2,
      distribution: { overall: [0, 1, 0, 0, 1] },
    });
  });
});
