/** The header naming the day (YYYY-MM-DD) whose public record a request reads (as-of.ts). */
export const AS_OF_HEADER = 'x-gongzhi-as-of';
