export { Rational } from './rational.ts';
export { compareCodePoints, compareNatural, sortNatural } from './order.ts';
export type { PbElection, PbProject, PbVote, VoteType } from './format.ts';
export { PbFormatError, VOTE_TYPES, formatAmount, parsePb, writePb } from './format.ts';
export type { ApprovalElection, ApprovalProject } from './election.ts';
export { approvalElection } from './election.ts';
export type { Outcome, Rule } from './rules.ts';
export { RULES, isRule, tally } from './rules.ts';
