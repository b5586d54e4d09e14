// What is published of how many people took part: a count above zero and below SMALL_COUNT could
// point at someone (in a small community, "3 answered" names them), so the open data and the
// outcome reports withhold it, with what was derived from it.

/** The fewest people a published count of them may show, other than none. */
export const SMALL_COUNT = 5;

/** Whether a count of people is withheld: above zero and below SMALL_COUNT. */
export const isSmallCount = (people: number): boolean => people > 0 && people < SMALL_COUNT;
