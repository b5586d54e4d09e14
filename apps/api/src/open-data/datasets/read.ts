// How the row builders read: through the API's public procedures where a public page reads the
// same (so that a file says what the page says), and an unknown place is null (404).
import { TRPCError } from '@trpc/server';
import { appRouter } from '@gongzhi/api';
import type { DomainError } from '@gongzhi/domain';
import type { Reader } from '../dataset.ts';

/** The public procedures, called as the anonymous visitor whose request this is. */
export const publicCaller = (reader: Reader) => appRouter.createCaller(reader.ctx);

/** The rows, or null when there is no such place (or a procedure refused its id as malformed). */
export async function publicRows<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (
      error instanceof TRPCError &&
      (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')
    ) {
      return null;
    }
    // A read outside a procedure refuses with the domain's error (compared by name: the test
    // runner may load the domain package twice).
    if (isDomainError(error) && error.kind === 'not_found') return null;
    throw error;
  }
}

export const db = (reader: Reader) => reader.runtime.services.readModels.db;

const isDomainError = (error: unknown): error is DomainError =>
  error instanceof Error && error.name === 'DomainError';

/** The street as its public page shows it (with its communities), or null when there is none. */
export const publicStreet = (reader: Reader, streetId: string) =>
  publicRows(() => publicCaller(reader).organisation.street({ streetId }));
