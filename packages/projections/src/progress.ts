// A progress bar for rebuilds in a terminal; one line every few seconds when not a terminal.
import type { RebuildProgress } from './rebuild.ts';

const width = 30;
const redrawEveryMs = 100;
const logEveryMs = 5_000;

const countFormat = new Intl.NumberFormat('en-US');
const count = (n: number) => countFormat.format(Math.round(n));

export function formatProgress(label: string, p: RebuildProgress): string {
  const filled = Math.round(p.fraction * width);
  const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
  // Positions need not be dense (KurrentDB's are not), so the total is an estimate until done.
  const total = p.done
    ? count(p.events)
    : p.fraction > 0
      ? `~${count(p.events / p.fraction)}`
      : '?';
  // 100% means done: the last page read still has the catch-up and the swap of tables ahead.
  const shown = p.done ? 100 : Math.min(99, Math.floor(p.fraction * 100));
  const percent = `${shown}%`.padStart(4);
  return `${label} ${bar} ${percent}  ${count(p.events)} / ${total} events  ${count(p.eventsPerSecond)} events/s`;
}

/** Returns an onProgress callback that draws `label`'s progress on `out` (stderr by default). */
export function progressBar(
  label: string,
  out: NodeJS.WriteStream = process.stderr,
): (progress: RebuildProgress) => void {
  // The first line waits an interval too: a short rebuild prints only its final line.
  let last = performance.now();
  return (progress) => {
    const now = performance.now();
    const interval = out.isTTY ? redrawEveryMs : logEveryMs;
    if (!progress.done && now - last < interval) return;
    last = now;
    const line = formatProgress(label, progress);
    if (out.isTTY) out.write(`\r${line}\x1b[K${progress.done ? '\n' : ''}`);
    else out.write(`${line}\n`);
  };
}
