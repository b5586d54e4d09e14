// Chinese text takes full-width punctuation (，：；（）？！); half-width marks stay where they
// belong: in numbers (1,000, 10:30), codes, URLs and English.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const messages: Record<string, string> = JSON.parse(
  readFileSync(new URL('../../messages/zh-CN.json', import.meta.url), 'utf8'),
);

/** Each half-width mark that touches a Chinese character, with that character beside it. */
const halfWidthInChinese = (text: string): string[] =>
  text.match(/[\u4e00-\u9fff][,:;()?!]|[,:;()?!][\u4e00-\u9fff]/gu) ?? [];

describe('zh-CN messages', () => {
  test('a half-width mark beside a Chinese character is found, one in a number or code is not', () => {
    expect(halfWidthInChinese('投票结束后,每一位提议人:(意见共商)')).toEqual([
      '后,',
      '人:',
      '(意',
      '商)',
    ]);
    expect(halfWidthInChinese('预算 1,000 元，10:30 开始，如 7KQ2-M9XD')).toEqual([]);
  });

  test('use full-width punctuation in Chinese text', () => {
    const offending = Object.entries(messages)
      .filter(([key, text]) => !key.startsWith('$') && halfWidthInChinese(text).length > 0)
      .map(([key, text]) => `${key}: ${text}`);
    expect(offending).toEqual([]);
  });
});
