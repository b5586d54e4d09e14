// The demo certificates of volunteer service (issue 14, item 5) of 书院银龄互助队: 钱福根
// (demo-r-zhao) asked for one over the past year and it was issued three days ago (announced
// inside the team until its seventh day); the first paper-ballot resident asked for one
// yesterday, waiting for the leader to issue it.
import { teamCommands } from '@gongzhi/api';
import { certificateStreams } from '@gongzhi/domain';
import { streamIsMissing, type By, type Day, type SeedTarget } from './writers.ts';

const TEAM = 'demo-team-silver';
const LEADER = 'demo-volunteers';

export const DEMO_CERTIFICATES = {
  issued: 'demo-cert-zhao',
  requested: 'demo-cert-paper-1',
};

export async function seedCertificates(
  { store }: Pick<SeedTarget, 'store'>,
  day: Day,
  by: By,
): Promise<void> {
  if (!(await streamIsMissing(store, certificateStreams.certificate(DEMO_CERTIFICATES.issued)))) {
    return;
  }
  const from = day(-365);
  const until = day(-4);
  const asking = by('demo-r-zhao', -4);
  await teamCommands.onCertificate(
    asking,
    DEMO_CERTIFICATES.issued,
    (_, team) => ({
      type: 'RequestCertificate',
      data: {
        certificateId: DEMO_CERTIFICATES.issued,
        teamId: TEAM,
        volunteerId: 'demo-r-zhao',
        from,
        until,
      },
      team,
      today: day(-4),
    }),
    TEAM,
  );
  // Eleven confirmed months of 2.5 hours in the period (the seeded records of teams.ts).
  await teamCommands.writeCertificate(by(LEADER, -3), {
    certificateId: DEMO_CERTIFICATES.issued,
    teamId: TEAM,
    residentId: 'demo-r-zhao',
    personal: { name: '钱福根', idType: 'none', idMasked: '', handler: '钱秀兰' },
    volunteerNumber: 'GZ-SY-0002',
    from,
    until,
    minutes: 11 * 150,
    records: 11,
    content: '为高龄独居老人上门理发、测血压，陪同到社区卫生服务站复诊',
    issuer: { name: '书院社区居民委员会', personInCharge: '张卫东', contact: '0512-52700188' },
    issuedOn: day(-3),
    issuedBy: LEADER,
    by: { accountId: LEADER, communityStaff: false },
  });
  const paper = by('demo-r-paper-1', -1);
  await teamCommands.onCertificate(
    paper,
    DEMO_CERTIFICATES.requested,
    (_, team) => ({
      type: 'RequestCertificate',
      data: {
        certificateId: DEMO_CERTIFICATES.requested,
        teamId: TEAM,
        volunteerId: 'demo-r-paper-1',
        from: day(-365),
        until: day(-1),
      },
      team,
      today: day(-1),
    }),
    TEAM,
  );
}
