// Certificates of volunteer service as the API runs them. Issuing gathers what the certificate
// states — the volunteer's confirmed hours and service in the period (from the team read model),
// their name and ID number (from their registration, masked), the issuer (the team's organising
// body) and the handler (the caller) — checks first that the caller may issue and that there is
// service to certify, so that a refused call writes nothing, then takes the next number from the
// team's register and writes the certificate with a random verification code.
import { createHash, randomInt } from 'node:crypto';
import {
  ANNOUNCEMENT_DAYS,
  certificateDecider,
  certificateEventSchemas,
  certificateRegisterDecider,
  certificateRegisterEventSchemas,
  certificateStreams,
  chinaDate,
  describeCertificateEvent,
  describeCertificateRegisterEvent,
  parseCertificateEvent,
  parseCertificateRegisterEvent,
  parseResidentEvent,
  refuse,
  requireIssuer,
  residentStreams,
  type CertificateCommand,
  type CertificateEvent,
  type CertificateEventData,
  type CertificateRegisterEvent,
  type CertificateState,
  type LocalizedText,
  type TeamState,
} from '@gongzhi/domain';
import { listRecordsOf } from '@gongzhi/projections/team';
import { executeCommand, readState, type EventCodec, type Writer } from '../commands.ts';
import { now, type Context } from '../context.ts';
import { caughtUpToHead } from '../positions.ts';
import { teamRecord } from './commands.ts';
import { isTeamStaff, nameOf } from './queries.ts';

export const certificateCodec: EventCodec<CertificateEvent> = {
  read: (recorded) => parseCertificateEvent(recorded.type, recorded.data),
  versionOf: (type) => certificateEventSchemas[type].version,
  describe: describeCertificateEvent,
};

const registerCodec: EventCodec<CertificateRegisterEvent> = {
  read: (recorded) => parseCertificateRegisterEvent(recorded.type, recorded.data),
  versionOf: (type) => certificateRegisterEventSchemas[type].version,
  describe: describeCertificateRegisterEvent,
};

export const certificateRecord = (certificateId: string) => ({
  stream: certificateStreams.certificate(certificateId),
  decider: certificateDecider,
  codec: certificateCodec,
});

const registerRecord = (teamId: string) => ({
  stream: certificateStreams.register(teamId),
  decider: certificateRegisterDecider,
  codec: registerCodec,
});

const subject = (): LocalizedText => ({
  'zh-CN': '这份志愿服务记录证明',
  en: 'The certificate of volunteer service',
});

/** Runs one certificate command with the state of the certificate's team (read again on a retry). */
export function onCertificate(
  w: Writer,
  certificateId: string,
  command: (
    state: CertificateState,
    team: TeamState,
  ) => CertificateCommand | Promise<CertificateCommand>,
  teamId?: string,
) {
  return executeCommand(w.store, {
    ...certificateRecord(certificateId),
    command: async (state) => {
      const id = teamId ?? (state.status === 'none' ? undefined : state.teamId);
      const team = id
        ? (await readState(w.store, teamRecord(id))).state
        : { status: 'none' as const };
      return command(state, team);
    },
    subject,
    metadata: w.metadata,
  });
}

/** 12 characters of 32 without look-alikes (60 bits), in groups of four: not guessable. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export function verificationCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]!);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** An ID number as a certificate shows it: the first three and the last four characters. */
export const maskIdNumber = (id: string): string =>
  `${id.slice(0, 3)}${'*'.repeat(11)}${id.slice(-4)}`;

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const noService = (): never =>
  refuse(
    'conflict',
    'no_confirmed_service',
    '这段期间没有已确认的服务记录，无法出具证明。',
    'There is no confirmed service in this period; no certificate can be issued.',
  );

/** The volunteer as their registration names them: name and ID number (absent for staff). */
async function volunteerOf(ctx: Context, volunteerId: string) {
  const [first] = await ctx.services.store.readStream(residentStreams.resident(volunteerId), {
    maxCount: 1,
  });
  const event = first && parseResidentEvent(first.type, first.data);
  if (event?.type === 'ResidentRegistered' && event.data.personal) {
    const { name, idNumber } = event.data.personal;
    return idNumber
      ? { name, idType: 'resident_id_card' as const, idMasked: maskIdNumber(idNumber) }
      : { name, idType: 'none' as const, idMasked: '' };
  }
  const name = await nameOf(ctx, volunteerId);
  return {
    name: typeof name === 'string' ? name : name['zh-CN'],
    idType: 'none' as const,
    idMasked: '',
  };
}

/**
 * Issues a requested certificate: checks, then numbers it in the team's register (the same
 * number on a retry), then writes it, announced for seven days.
 */
export async function issueCertificate(
  ctx: Context,
  w: Writer,
  input: {
    certificateId: string;
    volunteerNumber?: string | undefined;
    remarks?: string | undefined;
  },
) {
  const { state } = await readState(w.store, certificateRecord(input.certificateId));
  if (state.status === 'none') {
    return refuse(
      'not_found',
      'certificate_not_found',
      `找不到这份志愿服务记录证明（编号 ${input.certificateId}）。`,
      `There is no certificate of volunteer service with id ${input.certificateId}.`,
    );
  }
  const team = (await readState(w.store, teamRecord(state.teamId))).state;
  if (team.status === 'none')
    return refuse('not_found', 'team_not_found', '找不到志愿服务队。', 'There is no such team.');
  const me = ctx.account!.accountId;
  const by = { accountId: me, communityStaff: isTeamStaff(ctx, team) };
  const today = chinaDate(now(ctx).toISOString());
  requireIssuer(team, state.teamId, by);
  if (state.status !== 'requested') {
    return refuse(
      'conflict',
      'certificate_issued',
      '这份证明已经出具过了。',
      'This certificate has already been issued.',
    );
  }
  // The service records are a read model: it must include every record written so far, or a
  // certificate could be refused (or short of hours) for a record confirmed a moment ago.
  await caughtUpToHead(w);
  const records = (await listRecordsOf(ctx.services.readModels.db, state.volunteerId)).filter(
    (r) =>
      r.teamId === state.teamId &&
      r.status === 'confirmed' &&
      r.date >= state.from &&
      r.date <= state.until,
  );
  if (records.length === 0) return noService();
  const minutes = records.reduce((sum, r) => sum + r.minutes, 0);
  const content = [...new Set(records.map((r) => r.content))].join('；').slice(0, 500);
  const volunteer = await volunteerOf(ctx, state.volunteerId);
  const handler = await nameOf(ctx, me);
  return writeCertificate(w, {
    certificateId: input.certificateId,
    teamId: state.teamId,
    residentId: state.volunteerId,
    personal: { ...volunteer, handler: typeof handler === 'string' ? handler : handler['zh-CN'] },
    volunteerNumber:
      input.volunteerNumber ??
      `GZ${createHash('sha256').update(state.volunteerId).digest('hex').slice(0, 10).toUpperCase()}`,
    from: state.from,
    until: state.until,
    minutes,
    records: records.length,
    content,
    issuer: {
      name: team.organiser.name,
      personInCharge: team.organiser.personInCharge,
      contact: team.organiser.contact,
    },
    issuedOn: today,
    ...(input.remarks ? { remarks: input.remarks } : {}),
    issuedBy: me,
    by,
  });
}

/**
 * Numbers a certificate in its team's register (the same number on a retry) and writes it with a
 * random verification code, announced for seven days from `issuedOn`.
 */
export async function writeCertificate(
  w: Writer,
  facts: Omit<CertificateEventData<'CertificateIssued'>, 'number' | 'code' | 'finalOn'> & {
    by: { accountId: string; communityStaff: boolean };
  },
) {
  const { by, ...data } = facts;
  await executeCommand(w.store, {
    ...registerRecord(data.teamId),
    command: () => ({
      type: 'NumberCertificate' as const,
      data: {
        teamId: data.teamId,
        certificateId: data.certificateId,
        year: Number(data.issuedOn.slice(0, 4)),
      },
    }),
    subject,
    metadata: w.metadata,
  });
  const register = (await readState(w.store, registerRecord(data.teamId))).state;
  const code = verificationCode();
  return onCertificate(w, data.certificateId, (_, team) => ({
    type: 'IssueCertificate',
    data: {
      ...data,
      number: register.numbers[data.certificateId]!,
      code,
      finalOn: addDays(data.issuedOn, ANNOUNCEMENT_DAYS),
    },
    by,
    team,
  }));
}

/** The certificate as issued (personal parts opened, or null once the volunteer is forgotten). */
export async function issuedCertificate(ctx: Pick<Context, 'services'>, certificateId: string) {
  const events = await ctx.services.store.readStream(certificateStreams.certificate(certificateId));
  for (const recorded of events) {
    const event = parseCertificateEvent(recorded.type, recorded.data);
    if (event.type === 'CertificateIssued') return event.data;
  }
  return undefined;
}
