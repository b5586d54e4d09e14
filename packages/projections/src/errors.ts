import type { LocalizedText } from '@gongzhi/domain/shared';
import type { Position } from '@gongzhi/eventstore';

/** The read models did not reach a position in time (read-your-writes); the write itself stands. */
export class ReadModelLagError extends Error {
  override readonly name = 'ReadModelLagError';
  readonly code = 'read_model_lag';
  readonly text: LocalizedText;
  constructor(
    readonly position: Position,
    /** Position every read model had passed when waiting stopped, if any. */
    readonly reached: Position | undefined,
    readonly timeoutMs: number,
  ) {
    const text = {
      'zh-CN': `数据已保存，但列表更新较慢（${timeoutMs} 毫秒内未更新到位置 ${position}），请稍后刷新。`,
      en: `Saved, but the lists are slow to update (position ${position} not reached within ${timeoutMs} ms); refresh in a moment.`,
    };
    super(`${text.en} Reached: ${reached ?? 'none'}.`);
    this.text = text;
  }
}
