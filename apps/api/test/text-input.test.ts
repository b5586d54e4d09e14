// Text people type, over HTTP (docs/security.md, "Text that cannot deceive"): a name or a title
// that could mislead a reader is refused beside its field, in the caller's language, and writes
// nothing; accepted text is stored in NFC and comes back as stored.
import { beforeAll, describe, expect, it } from 'vitest';
import { engines } from './harness.ts';
import { cycleDefinition } from './micro-fixtures.ts';
import { RESIDENT_PASSWORD, useResidentServer } from './resident-harness.ts';

const EN = { 'x-gongzhi-locale': 'en' };

interface Written {
  position: string;
}

describe.each(engines)('text people type, over HTTP on $name', ({ make }) => {
  const { api, resident } = useResidentServer(make());
  const { call, signIn, head } = api;

  beforeAll(async () => {
    await signIn('admin');
    await signIn('yushan');
  });

  /**
   * Calls `path` and expects a 400 with a message beside `field`, and the event store's head
   * where it was: a refused call writes nothing. Returns that message.
   */
  async function refusedBeside(
    field: string,
    path: string,
    input: unknown,
    options: { as?: string; headers?: Record<string, string> } = {},
  ): Promise<string> {
    const before = await head();
    const reply = await call(path, input, options);
    expect(reply.status, JSON.stringify(reply.body)).toBe(400);
    const fieldErrors = reply.body.error?.data.fieldErrors ?? [];
    const beside = fieldErrors.find((error) => error.path === field);
    expect(beside, JSON.stringify(reply.body)).toBeDefined();
    expect(reply.body.error?.message).toContain(beside!.message);
    expect(await head()).toBe(before);
    return beside!.message;
  }

  it('refuses a name with a right-to-left override, beside the name, in zh-CN and English', async () => {
    const input = { streetId: 'yushan', kind: 'urban', name: '书院\u202E区社新' };
    expect(
      await refusedBeside('name', 'organisation.registerCommunity', input, { as: 'admin' }),
    ).toBe('不能包含改变文字方向的隐藏字符（第 3 个字符，U+202E）');
    expect(
      await refusedBeside('name', 'organisation.registerCommunity', input, {
        as: 'admin',
        headers: EN,
      }),
    ).toBe(
      'must not contain hidden characters that change the direction of text (character 3, U+202E)',
    );
  });

  it('refuses a title with NUL in it', async () => {
    const input = { streetId: 'yushan', ...cycleDefinition({ title: '2030年度\u0000民生微实事' }) };
    expect(await refusedBeside('title', 'cycle.draft', input, { as: 'yushan', headers: EN })).toBe(
      'must not contain line breaks or control characters (character 7, U+0000)',
    );
  });

  it('refuses a name made only of zero-width spaces', async () => {
    const input = {
      name: '\u200B\u200B',
      phone: resident.newPhone(),
      code: '123456',
      password: RESIDENT_PASSWORD,
      birthYear: 1980,
      ties: [{ communityId: 'shuyuan', kind: 'lives' }],
    };
    expect(await refusedBeside('name', 'resident.register', input)).toBe(
      '不能只由空白或看不见的字符组成',
    );
  });

  // A decomposed é, Hangul jamo and a CJK compatibility ideograph each have one NFC form.
  const decomposed = 'Jose\u0301 \u1100\u1161\u11A8 \uF900';
  const composed = 'José 각 豈';
  expect(decomposed.normalize('NFC')).toBe(composed);

  it('stores a resident’s name in NFC and gives it back as stored', async () => {
    await resident.register('nfc', { name: decomposed, phone: resident.newPhone() });
    const reply = await call<{ resident: { name: string } }>(
      'resident.me',
      { minPosition: (await head()) ?? undefined },
      { as: 'nfc', query: true },
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.result!.data.resident.name).toBe(composed);
  });

  it('stores a community’s names and a cycle’s title in NFC and gives them back as stored', async () => {
    const registered = await call<Written & { communityId: string }>(
      'organisation.registerCommunity',
      { streetId: 'yushan', kind: 'urban', name: `${decomposed}社区`, nameEn: decomposed },
      { as: 'admin' },
    );
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    const { communityId, position } = registered.body.result!.data;
    const community = await call<{ community: { name: string; nameEn: string } }>(
      'organisation.community',
      { communityId, minPosition: position },
      { query: true },
    );
    expect(community.body.result?.data.community).toMatchObject({
      name: `${composed}社区`,
      nameEn: composed,
    });

    const drafted = await call<Written & { cycleId: string }>(
      'cycle.draft',
      { streetId: 'yushan', ...cycleDefinition({ title: `${decomposed} 周期` }) },
      { as: 'yushan' },
    );
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(200);
    const cycle = await call<{ title: string }>(
      'cycle.get',
      {
        cycleId: drafted.body.result!.data.cycleId,
        minPosition: drafted.body.result!.data.position,
      },
      { as: 'yushan', query: true },
    );
    expect(cycle.body.result?.data.title).toBe(`${composed} 周期`);
  });
});
