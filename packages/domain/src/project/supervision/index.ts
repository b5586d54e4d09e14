export * from './events.ts';
export * from './notice.ts';
export { followDecider, type FollowCommand, type FollowEvent, type FollowState } from './follow.ts';
export {
  commentDecider,
  type CommentCommand,
  type CommentEvent,
  type CommentState,
} from './comment.ts';
export {
  supervisionDecider,
  type SupervisionCommand,
  type SupervisionState,
  type SupervisionStreamEvent,
} from './supervision.ts';
