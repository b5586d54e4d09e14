const idle = Symbol('idle');

/**
 * Groups an async iterable into arrays of up to `maxSize` items: it takes every item that is
 * already at hand (arriving within the current macrotask) and yields as soon as the source
 * would have to wait, so a catch-up gets big batches and a live tail gets prompt small ones.
 */
export async function* inBatches<T>(
  source: AsyncIterable<T>,
  maxSize: number,
): AsyncGenerator<T[]> {
  const iterator = source[Symbol.asyncIterator]();
  const pull = () => {
    const next = iterator.next();
    // Awaited later; this keeps a failure meanwhile from counting as an unhandled rejection.
    next.catch(() => undefined);
    return next;
  };
  let pending = pull();
  for (;;) {
    const first = await pending;
    if (first.done) return;
    const batch = [first.value];
    pending = pull();
    const sourceWaits = new Promise<typeof idle>((resolve) => setImmediate(resolve, idle));
    while (batch.length < maxSize) {
      const next = await Promise.race([pending, sourceWaits]);
      if (next === idle) break;
      if (next.done) {
        yield batch;
        return;
      }
      batch.push(next.value);
      pending = pull();
    }
    yield batch;
  }
}
