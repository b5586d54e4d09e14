// The places a vitality index is read for: /meetings/vitality/community/<id> or …/street/<id>.
import type { ParamMatcher } from '@sveltejs/kit';

export const match = ((param: string): param is 'community' | 'street' =>
  param === 'community' || param === 'street') satisfies ParamMatcher;
