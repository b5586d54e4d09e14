// What the resident procedures read beyond a profile (profile.ts): residents as a worker finds them.
import { normalizeMainlandMobile } from '@gongzhi/auth';
import {
  listResidentTies,
  readResident,
  readResidentLogin,
  searchResidents,
  SEARCHABLE_TIE_STATUSES,
  type ResidentRow,
} from '@gongzhi/projections/resident';
import type { Context } from '../context.ts';

/** A resident as their own profile and a worker's search show them: the number masked. */
export function residentView(resident: ResidentRow) {
  return {
    residentId: resident.residentId,
    name: resident.name,
    phoneMasked: resident.phoneMasked,
    birthYear: resident.birthYear,
    phoneConfirmed: resident.phoneConfirmed,
    hasPassword: resident.hasPassword,
    channel: resident.channel,
    registeredAt: resident.registeredAt,
  };
}

/**
 * Residents with a tie to the community they declared or agreed to (not one a worker declared
 * that awaits them), by part of the name, the last digits of the number, or the whole number;
 * each with those ties. Numbers are masked.
 */
export async function searchCommunityResidents(
  ctx: Context,
  input: { communityId: string; query: string },
) {
  const { db } = ctx.services.readModels;
  const phone = normalizeMainlandMobile(input.query);
  let found: ResidentRow[];
  if (phone) {
    const login = await readResidentLogin(db, ctx.services.residents.digestPhone(phone));
    const resident = login && (await readResident(db, login.residentId));
    found = resident ? [resident] : [];
  } else {
    found = await searchResidents(db, { communityId: input.communityId, text: input.query });
  }
  const residents = await Promise.all(
    found.map(async (resident) => ({
      ...residentView(resident),
      ties: (await listResidentTies(db, resident.residentId))
        .filter(
          (tie) =>
            tie.communityId === input.communityId && SEARCHABLE_TIE_STATUSES.includes(tie.status),
        )
        .map((tie) => ({ tieId: tie.tieId, kind: tie.kind, status: tie.status })),
    })),
  );
  return residents.filter((resident) => resident.ties.length > 0);
}
