// Certificates of volunteer service (procedures merged into the team router): a member asks for
// one over a period; a leader or the team's community issues it (numbered, with a random
// verification code), and it is announced inside the team for seven days, during which another
// member may object (on hold until resolved); it may be revoked with a reason. The volunteer, the
// leaders and the community see the whole certificate to print; anyone can check a code and sees
// only what the certificate shows — or that the code is unknown, revoked or on hold.
import { z } from 'zod';
import {
  certificateStanding,
  chinaDate,
  idSchema,
  isoDateSchema,
  reasonSchema,
  refuse,
  servesIn,
  verificationCodeSchema,
} from '@gongzhi/domain';
import { uuidv7 } from '@gongzhi/eventstore';
import {
  listCertificatesOf,
  listTeamCertificates,
  readCertificate,
  readCertificateByCode,
  readTeam,
  type CertificateRow,
} from '@gongzhi/projections/team';
import { inputText } from '@gongzhi/domain';
import { writerFor } from '../commands.ts';
import { now, type Context } from '../context.ts';
import { caughtUpTo, minPositionSchema as minPosition, written } from '../positions.ts';
import { procedure } from '../trpc.ts';
import { issueCertificate, issuedCertificate, onCertificate } from './certificates.ts';
import { teamState } from './commands.ts';
import { isTeamStaff, nameOf, teamNotFound } from './queries.ts';

const today = (ctx: Context) => chinaDate(now(ctx).toISOString());
const me = (ctx: Context) => ctx.account!.accountId;
const issuing = async (ctx: Context, teamId: string) => {
  const team = await teamState(ctx.services, teamId);
  return team.status === 'registered' && isTeamStaff(ctx, team);
};

const certificateNotFound = (certificateId: string): never =>
  refuse(
    'not_found',
    'certificate_not_found',
    `找不到这份志愿服务记录证明（编号 ${certificateId}）。`,
    `There is no certificate of volunteer service with id ${certificateId}.`,
  );

const standingOf = (ctx: Context, row: CertificateRow) =>
  certificateStanding(row.status, row.finalOn, today(ctx));

/** The four parts, as the certificate states them (and the page prints them). */
async function certificateText(ctx: Context, row: CertificateRow) {
  const issued = await issuedCertificate(ctx, row.certificateId);
  if (!issued) return null;
  return {
    number: issued.number,
    code: issued.code,
    issuedOn: issued.issuedOn,
    finalOn: issued.finalOn,
    remarks: issued.remarks ?? null,
    volunteer: {
      name: issued.personal?.name ?? null,
      idType: issued.personal?.idType ?? null,
      idMasked: issued.personal?.idMasked ?? null,
      volunteerNumber: issued.volunteerNumber,
    },
    service: {
      from: issued.from,
      until: issued.until,
      minutes: issued.minutes,
      records: issued.records,
      content: issued.content,
    },
    issuer: { ...issued.issuer, handler: issued.personal?.handler ?? null },
  };
}

export const certificateProcedures = {
  /** A member asks for a certificate of their service in a team over a past period. */
  requestCertificate: procedure(
    'signed_in',
    z.object({ teamId: idSchema, from: isoDateSchema, until: isoDateSchema }),
  ).mutation(async ({ ctx, input }) => {
    const certificateId = uuidv7();
    const result = await onCertificate(
      writerFor(ctx),
      certificateId,
      (_, team) => ({
        type: 'RequestCertificate',
        data: { certificateId, ...input, volunteerId: me(ctx) },
        team,
        today: today(ctx),
      }),
      input.teamId,
    );
    return { certificateId, ...written(result) };
  }),

  /** A leader or the team's community issues a requested certificate (announced 7 days). */
  issueCertificate: procedure(
    'signed_in',
    z.object({
      certificateId: idSchema,
      volunteerNumber: inputText.line({ min: 1, max: 30 }).optional(),
      remarks: inputText.paragraph({ max: 300 }).optional(),
    }),
  ).mutation(async ({ ctx, input }) => written(await issueCertificate(ctx, writerFor(ctx), input))),

  /** Another member objects to a certificate being announced: it is held. */
  objectToCertificate: procedure(
    'signed_in',
    z.object({ certificateId: idSchema, reason: reasonSchema }),
  ).mutation(async ({ ctx, input }) =>
    written(
      await onCertificate(writerFor(ctx), input.certificateId, (state, team) => ({
        type: 'ObjectToCertificate',
        data: {
          ...input,
          teamId: state.status === 'none' ? '' : state.teamId,
          by: me(ctx),
        },
        team,
        today: today(ctx),
      })),
    ),
  ),

  /** A leader or the team's community resolves an objection, with a reason. */
  resolveCertificateObjection: procedure(
    'signed_in',
    z.object({
      certificateId: idSchema,
      decision: z.enum(['dismissed', 'upheld']),
      reason: reasonSchema,
    }),
  ).mutation(async ({ ctx, input }) =>
    written(
      await onCertificate(writerFor(ctx), input.certificateId, async (state, team) => ({
        type: 'ResolveCertificateObjection',
        data: { ...input, teamId: state.status === 'none' ? '' : state.teamId },
        by: {
          accountId: me(ctx),
          communityStaff: team.status === 'registered' && isTeamStaff(ctx, team),
        },
        team,
      })),
    ),
  ),

  /** A leader or the team's community revokes a certificate, with a reason. */
  revokeCertificate: procedure(
    'signed_in',
    z.object({ certificateId: idSchema, reason: reasonSchema }),
  ).mutation(async ({ ctx, input }) =>
    written(
      await onCertificate(writerFor(ctx), input.certificateId, (state, team) => ({
        type: 'RevokeCertificate',
        data: { ...input, teamId: state.status === 'none' ? '' : state.teamId },
        by: {
          accountId: me(ctx),
          communityStaff: team.status === 'registered' && isTeamStaff(ctx, team),
        },
        team,
      })),
    ),
  ),

  /**
   * A team's certificates for its members (the announcements they may object to) and for its
   * leaders and community (the requests to issue).
   */
  certificates: procedure('signed_in', z.object({ teamId: idSchema, minPosition })).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input.minPosition);
      const team = await teamState(ctx.services, input.teamId);
      if (team.status === 'none') return teamNotFound(input.teamId);
      const staff = isTeamStaff(ctx, team);
      const leader = team.people[me(ctx)] === 'leader';
      if (!servesIn(team, me(ctx)) && !staff) {
        return refuse(
          'forbidden',
          'not_a_member',
          `只有「${team.name}」的队员和所在社区的工作人员可以查看本队的证明公示。`,
          `Only members of “${team.name}” and staff of its community see its certificates.`,
        );
      }
      const rows = await listTeamCertificates(ctx.services.readModels.db, input.teamId);
      const visible = rows.filter((r) => leader || staff || r.status !== 'requested');
      return {
        me: me(ctx),
        mayIssue: leader || staff,
        certificates: await Promise.all(
          visible.map(async (r) => ({
            certificateId: r.certificateId,
            volunteerId: r.volunteerId,
            volunteerName: await nameOf(ctx, r.volunteerId),
            from: r.from,
            until: r.until,
            standing: standingOf(ctx, r),
            number: r.number,
            minutes: r.minutes,
            content: r.content,
            finalOn: r.finalOn,
            objection: leader || staff ? r.objection : null,
          })),
        ),
      };
    },
  ),

  /** The caller's own certificates. */
  myCertificates: procedure('signed_in', z.object({ minPosition }).optional()).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input?.minPosition);
      const db = ctx.services.readModels.db;
      const rows = await listCertificatesOf(db, me(ctx));
      return {
        certificates: await Promise.all(
          rows.map(async (r) => ({
            certificateId: r.certificateId,
            teamId: r.teamId,
            teamName: (await readTeam(db, r.teamId))?.name ?? r.teamId,
            from: r.from,
            until: r.until,
            standing: standingOf(ctx, r),
            number: r.number,
            minutes: r.minutes,
            finalOn: r.finalOn,
            reason: r.status === 'revoked' ? r.reason : null,
          })),
        ),
      };
    },
  ),

  /** The whole certificate, to print: for the volunteer, the team's leaders and its community. */
  certificate: procedure('signed_in', z.object({ certificateId: idSchema, minPosition })).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input.minPosition);
      const db = ctx.services.readModels.db;
      const row =
        (await readCertificate(db, input.certificateId)) ??
        certificateNotFound(input.certificateId);
      const team = await teamState(ctx.services, row.teamId);
      const leader = team.status === 'registered' && team.people[me(ctx)] === 'leader';
      if (row.volunteerId !== me(ctx) && !leader && !(await issuing(ctx, row.teamId))) {
        return refuse(
          'forbidden',
          'not_your_certificate',
          '只有证明的持有人、队长和所在社区的工作人员可以查看这份证明。',
          'Only its holder, the team’s leaders and its community may see this certificate.',
        );
      }
      return {
        certificateId: row.certificateId,
        teamId: row.teamId,
        standing: standingOf(ctx, row),
        reason: row.reason,
        certificate: await certificateText(ctx, row),
      };
    },
  ),

  /**
   * Anyone checks a verification code: a genuine certificate shows what it states; an unknown
   * code is reported as not issued here (forged or mistyped), a revoked or held one as such.
   */
  verifyCertificate: procedure('public', z.object({ code: verificationCodeSchema })).query(
    async ({ ctx, input }) => {
      const row = await readCertificateByCode(ctx.services.readModels.db, input.code);
      if (!row) return { status: 'unknown' as const, certificate: null };
      const standing = standingOf(ctx, row);
      if (standing === 'revoked' || standing === 'on_hold') {
        return { status: standing, certificate: null, number: row.number };
      }
      const text = await certificateText(ctx, row);
      if (!text || text.volunteer.name === null) {
        return { status: 'unknown' as const, certificate: null };
      }
      const { code: _, ...shown } = text;
      return { status: standing, certificate: shown };
    },
  ),
};
