// Text people type: names, single lines and free text. What a command accepts is normalised to
// NFC and trimmed, and refused when it could deceive a reader: control characters, characters
// that reorder text (bidirectional overrides and isolates), and names that look alike but differ
// by invisible characters or show nothing at all. Each refusal is a zod issue whose
// `params.text` says what is wrong in zh-CN and English; the API shows it beside the field.
//
// Released event schemas read text with `storedText`: trimmed and bounded as before these rules,
// so events already written keep parsing.
import { z } from 'zod';
import { say, type LocalizedText } from './errors.ts';

/** Length bounds in UTF-16 code units after normalising and trimming; `min` defaults to 1. */
export interface TextBounds {
  readonly min?: number;
  readonly max: number;
}

/** The three kinds of text, built under one set of rules (what commands accept, or events hold). */
export interface TextRules {
  /** A name a person reads to tell things apart: a person's, a place's, an organisation's. */
  name(bounds: TextBounds): z.ZodString;
  /** One line of text: a title, a label, a reference, a search. */
  line(bounds: TextBounds): z.ZodString;
  /** Free text over several lines: a description, notes, a reason; tabs and line breaks allowed. */
  paragraph(bounds: TextBounds): z.ZodString;
}

type Kind = keyof TextRules;

/** Code points that reorder the text around them: embeddings, overrides (U+202A–E), isolates. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
/** Direction marks (LRM, RLM, ALM): harmless in prose, but in a name they only hide a difference. */
const DIRECTION_MARK = /[\u200E\u200F\u061C]/u;
/**
 * Invisible characters no name needs: zero-width space, soft hyphen, word joiner and invisible
 * operators, byte-order mark, tag characters. (ZWJ, ZWNJ and variation selectors stay: scripts
 * and emoji need them between visible characters.)
 */
const INVISIBLE_IN_NAME = /[\u200B\u00AD\u2060-\u2064\uFEFF\u{E0000}-\u{E007F}]/u;
/** A character that shows something on its own (not blank, ignorable, control, format or mark). */
const VISIBLE =
  /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Mn}\p{Me}\u2800\u3164\uFFA0]/u;
const LONE_SURROGATE = /\p{Cs}/u;

/** The first code point of `text` that `rejects`, with its 1-based position in code points. */
function firstOffending(
  text: string,
  rejects: (char: string, next: string | undefined) => boolean,
): { position: number; codePoint: string } | undefined {
  const chars = Array.from(text);
  const index = chars.findIndex((char, i) => rejects(char, chars[i + 1]));
  if (index < 0) return undefined;
  const hex = chars[index]!.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return { position: index + 1, codePoint: `U+${hex}` };
}

const CONTROL = /[\p{Cc}\u2028\u2029]/u;
const isControl = (char: string) => CONTROL.test(char);

/** Tabs, line feeds, CR LF pairs and the Unicode line and paragraph separators. */
const isParagraphControl = (char: string, next: string | undefined) =>
  isControl(char) &&
  !(char === '\t' || char === '\n' || char === '\u2028' || char === '\u2029') &&
  !(char === '\r' && next === '\n');

interface Check {
  readonly rejects: (char: string, next: string | undefined) => boolean;
  readonly text: LocalizedText;
}

const CHECKS: Record<Kind, readonly Check[]> = (() => {
  const encoding: Check = {
    rejects: (char) => LONE_SURROGATE.test(char),
    text: say('包含无效的字符编码', 'contains an invalid character encoding'),
  };
  const lineControl: Check = {
    rejects: isControl,
    text: say('不能包含换行或控制字符', 'must not contain line breaks or control characters'),
  };
  const bidi: Check = {
    rejects: (char) => BIDI_CONTROL.test(char),
    text: say(
      '不能包含改变文字方向的隐藏字符',
      'must not contain hidden characters that change the direction of text',
    ),
  };
  const invisible: Check = {
    rejects: (char) => DIRECTION_MARK.test(char) || INVISIBLE_IN_NAME.test(char),
    text: say(
      '不能包含零宽空格、方向标记等看不见的字符',
      'must not contain invisible characters such as zero-width spaces or direction marks',
    ),
  };
  return {
    name: [encoding, lineControl, bidi, invisible],
    line: [encoding, lineControl, bidi],
    paragraph: [
      encoding,
      {
        rejects: isParagraphControl,
        text: say(
          '不能包含控制字符（换行和制表符除外）',
          'must not contain control characters (line breaks and tabs are fine)',
        ),
      },
      bidi,
    ],
  };
})();

const ONLY_INVISIBLE = say(
  '不能只由空白或看不见的字符组成',
  'must not consist only of blank or invisible characters',
);

/** Where the offending character is, so that a person can find what they cannot see. */
const at = (found: { position: number; codePoint: string }): LocalizedText =>
  say(
    `（第 ${found.position} 个字符，${found.codePoint}）`,
    ` (character ${found.position}, ${found.codePoint})`,
  );

/** The first problem of `text` as `kind`, worded for a person; undefined if there is none. */
export function textProblem(text: string, kind: Kind): LocalizedText | undefined {
  if (text !== '' && !VISIBLE.test(text)) return ONLY_INVISIBLE;
  for (const check of CHECKS[kind]) {
    const found = firstOffending(text, check.rejects);
    if (found) {
      const where = at(found);
      return say(check.text['zh-CN'] + where['zh-CN'], check.text.en + where.en);
    }
  }
  return undefined;
}

function checked(kind: Kind, { min = 1, max }: TextBounds): z.ZodString {
  return z
    .string()
    .normalize('NFC')
    .trim()
    .min(min)
    .max(max)
    .superRefine((text, issues) => {
      const problem = textProblem(text, kind);
      if (problem) issues.addIssue({ code: 'custom', params: { text: problem } });
    });
}

/** What commands accept: NFC, trimmed, bounded, and refused when it could deceive (above). */
export const inputText: TextRules = {
  name: (bounds) => checked('name', bounds),
  line: (bounds) => checked('line', bounds),
  paragraph: (bounds) => checked('paragraph', bounds),
};

const stored = ({ min = 1, max }: TextBounds) => z.string().trim().min(min).max(max);

/** What released events hold: trimmed and bounded only, as they were written. */
export const storedText: TextRules = { name: stored, line: stored, paragraph: stored };

export const { name: nameText, line: lineText, paragraph: paragraphText } = inputText;

/** The person-readable text a refusal of these rules carries, if `params` is one. */
export function textIssueText(params: unknown): LocalizedText | undefined {
  if (typeof params !== 'object' || params === null || !('text' in params)) return undefined;
  const { text } = params as { text: unknown };
  if (typeof text !== 'object' || text === null) return undefined;
  const { 'zh-CN': zh, en } = text as Record<string, unknown>;
  return typeof zh === 'string' && typeof en === 'string' ? { 'zh-CN': zh, en } : undefined;
}
