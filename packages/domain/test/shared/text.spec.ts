import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  lineText,
  nameText,
  paragraphText,
  parseOrganisationEvent,
  textIssueText,
} from '../../src/index.ts';

const name = nameText({ max: 40 });
const line = lineText({ max: 60 });
const paragraph = paragraphText({ max: 2000 });

/** The English texts of the refusals of `schema` for `input`; [] when it is accepted. */
function refusals(schema: z.ZodType, input: string): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) =>
    issue.code === 'custom' ? (textIssueText(issue.params)?.en ?? issue.message) : issue.code,
  );
}

describe('text rules', () => {
  it('stores NFC: a decomposed é, Hangul jamo and a CJK compatibility ideograph compose', () => {
    expect(name.parse('Jose\u0301')).toBe('José');
    expect(name.parse('\u1100\u1161\u11A8')).toBe('각');
    expect(line.parse('\uF900 title')).toBe('\u8C48 title');
    expect(paragraph.parse('  cafe\u0301\n')).toBe('café');
  });

  it('refuses NUL and other control characters, naming where they are', () => {
    expect(refusals(line, 'a\u0000b')).toEqual([
      'must not contain line breaks or control characters (character 2, U+0000)',
    ]);
    expect(refusals(name, '王\u0085芳')).toHaveLength(1);
    expect(refusals(name, '王\u007F芳')).toHaveLength(1);
    expect(refusals(line, 'one\ntwo')).toHaveLength(1);
    expect(refusals(line, 'one\u2028two')).toHaveLength(1);
    expect(refusals(paragraph, 'a\u0000b')[0]).toMatch(/^must not contain control characters/);
    expect(refusals(paragraph, 'a\u001Bb')).toHaveLength(1);
  });

  it('lets free text over several lines keep tabs and line breaks, not a lone carriage return', () => {
    expect(paragraph.parse('first\r\nsecond\n\tthird')).toBe('first\r\nsecond\n\tthird');
    expect(refusals(paragraph, 'over\rwritten')).toHaveLength(1);
    expect(refusals(name, '王\t芳')).toHaveLength(1);
  });

  it('refuses bidirectional overrides, embeddings and isolates in every kind of text', () => {
    for (const control of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2069']) {
      for (const schema of [name, line, paragraph]) {
        expect(refusals(schema, `abc${control}def`)).toEqual([
          expect.stringMatching(/change the direction of text/),
        ]);
      }
    }
    expect(refusals(name, 'evil\u202Egnp.exe')[0]).toContain('(character 5, U+202E)');
  });

  it('refuses in names the invisible characters only a difference could hide behind', () => {
    for (const invisible of ['\u200B', '\u00AD', '\u2060', '\uFEFF', '\u200E', '\u200F']) {
      expect(refusals(name, `王${invisible}芳`)).toEqual([
        expect.stringMatching(/invisible characters/),
      ]);
    }
    // Prose may carry a direction mark or a soft hyphen; emoji and scripts need ZWJ and ZWNJ.
    expect(refusals(line, 'Rue\u200E 12')).toEqual([]);
    expect(refusals(paragraph, 'co\u00ADoperate')).toEqual([]);
    expect(refusals(name, 'Family 👨\u200D👩\u200D👧')).toEqual([]);
    expect(refusals(name, 'می\u200Cخواهم')).toEqual([]);
  });

  it('refuses text made only of invisible or blank characters', () => {
    const invisibleOnly = [
      '\u200B',
      '\u200B\u200C\u200D',
      '\u2060\u034F',
      '\u3164',
      '\u115F\u1160',
      '\u2800\u2800',
    ];
    for (const text of invisibleOnly) {
      for (const schema of [name, line, paragraph]) {
        expect(refusals(schema, text)).toEqual([
          'must not consist only of blank or invisible characters',
        ]);
      }
    }
    // Whitespace alone trims to nothing, which the length bound refuses.
    expect(refusals(name, ' \u3000\u00A0')).toEqual(['too_small']);
  });

  it('refuses a lone surrogate', () => {
    expect(refusals(line, 'a\uD800b')).toEqual([
      'contains an invalid character encoding (character 2, U+D800)',
    ]);
    expect(line.parse('😀 ok')).toBe('😀 ok');
  });

  it('says each refusal in Chinese too', () => {
    const result = name.safeParse('王\u202E芳');
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    const text = issue?.code === 'custom' ? textIssueText(issue.params) : undefined;
    expect(text?.['zh-CN']).toBe('不能包含改变文字方向的隐藏字符（第 2 个字符，U+202E）');
  });

  it('keeps released events readable: stored text is only trimmed and bounded', () => {
    const name = 'e\u0301\u202E\u200B';
    const event = parseOrganisationEvent('StreetRegistered', { streetId: 's1', name });
    expect(event.data).toEqual({ streetId: 's1', name });
  });
});
