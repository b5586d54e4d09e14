// What the meeting journeys share: convening a meeting of 书院社区 from the worker's meetings page
// and opening its page.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Convenes a meeting (the council by default, or the body labelled `body`) `inDays` days ahead at
 * 19:00 China time, with one agenda line, and opens its worker page; returns the meeting's id.
 */
export async function conveneMeeting(
  worker: Page,
  meeting: { title: string; agenda: string; inDays?: number; body?: string },
): Promise<string> {
  await worker.goto('/work/meetings?community=shuyuan');
  if (meeting.body) await worker.locator('#convene-body').selectOption({ label: meeting.body });
  await worker.locator('#convene-title').fill(meeting.title);
  const day = new Date(Date.now() + (meeting.inDays ?? 4) * 86_400_000 + 8 * 3_600_000);
  await worker.locator('#convene-starts-at').fill(`${day.toISOString().slice(0, 10)}T19:00`);
  await worker.locator('#convene-place').fill('书院社区议事厅');
  await worker.locator('#convene-agenda').fill(meeting.agenda);
  await worker.getByRole('button', { name: '发布通知' }).click();
  await expect.poll(() => worker.getByText(`「${meeting.title}」的通知已发布。`).count()).toBe(1);
  await worker.getByRole('link', { name: meeting.title }).click();
  await worker.waitForURL(/\/work\/meetings\/[^/?]+\?/);
  return new URL(worker.url()).pathname.split('/').at(-1)!;
}
