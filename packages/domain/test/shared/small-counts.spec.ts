import { describe, expect, it } from 'vitest';
import { isSmallCount, SMALL_COUNT, surveyMeanScore } from '../../src/index.ts';

describe('small counts of people', () => {
  it('withholds 1 to 4 people, never none and never 5 or more', () => {
    expect(SMALL_COUNT).toBe(5);
    expect([0, 1, 2, 3, 4, 5, 6, 100].map(isSmallCount)).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe("a survey question's mean score", () => {
  it('weighs each score by its answers, to two decimals, and is none without answers', () => {
    expect(surveyMeanScore([0, 1, 0, 0, 1])).toBe(3.5);
    expect(surveyMeanScore([1, 1, 1, 0, 0])).toBe(2);
    expect(surveyMeanScore([0, 0, 1, 1, 1])).toBe(4);
    expect(surveyMeanScore([2, 0, 0, 0, 1])).toBe(2.33);
    expect(surveyMeanScore([0, 0, 0, 0, 0])).toBeNull();
  });
});
