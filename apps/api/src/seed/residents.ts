// The demo residents: a few who registered online and sign in, and some a worker registered from
// a paper form, each with verified ties to their communities; and what waits on two of them: a tie
// a worker declared at the counter for the resident to confirm, and an erasure a worker requested
// for a second person to confirm.
import { residentCommands } from '@gongzhi/api';
import { hashPassword } from '@gongzhi/auth';
import { residentStreams } from '@gongzhi/domain';
import type { DemoSignIn } from './accounts.ts';
import { ROSTER_PASSWORD, ROSTER_RESIDENTS } from './roster-residents.ts';
import { streamIsMissing, type By, type Day, type SeedTarget } from './writers.ts';

/** The demo resident most journeys sign in as. */
export const DEMO_RESIDENT: DemoSignIn & { residentId: string } = {
  residentId: 'demo-r-wang',
  loginName: '13900001001',
  password: 'qinhu-resident-2025',
  description: {
    'zh-CN': '居民（顾月琴，住书院社区、在琴枫社区工作）',
    en: 'Resident (顾月琴, lives in Shuyuan, works in Qinfeng)',
  },
};

export interface DemoResident {
  residentId: string;
  name: string;
  phone: string;
  birthYear: number;
  /**
   * Residents who registered online sign in with a password (listed in the start banner and the
   * README); the others were registered by a worker from a paper form and have none.
   */
  signIn?: Omit<DemoSignIn, 'loginName'>;
  /** Registered online with the password the demo bodies' roster members share. */
  sharesRosterPassword?: boolean;
  ties: { tieId: string; communityId: string; kind: 'lives' | 'works' }[];
  /** A tie a worker declared for them at the counter without a code: it awaits their answer. */
  awaitingTie?: { tieId: string; communityId: string; kind: 'works'; declaredBy: string };
  /** An erasure a worker requested on their written request: it awaits a second person. */
  erasureRequested?: { erasureId: string; requestedBy: string; writtenRequestRef: string };
}

export const DEMO_RESIDENTS: DemoResident[] = [
  {
    residentId: DEMO_RESIDENT.residentId,
    name: '顾月琴',
    phone: DEMO_RESIDENT.loginName,
    birthYear: 1962,
    signIn: DEMO_RESIDENT,
    ties: [
      { tieId: 'demo-tie-wang-shuyuan', communityId: 'shuyuan', kind: 'lives' },
      { tieId: 'demo-tie-wang-qinfeng', communityId: 'qinfeng', kind: 'works' },
    ],
  },
  {
    residentId: 'demo-r-zhang',
    name: '沈佳怡',
    phone: '13900001002',
    birthYear: 1990,
    signIn: {
      password: 'qinhu-zhangli-2025',
      description: {
        'zh-CN': '居民（沈佳怡，住书院社区）',
        en: 'Resident (沈佳怡, lives in Shuyuan)',
      },
    },
    ties: [{ tieId: 'demo-tie-zhang-shuyuan', communityId: 'shuyuan', kind: 'lives' }],
    awaitingTie: {
      tieId: 'demo-tie-zhang-qinfeng',
      communityId: 'qinfeng',
      kind: 'works',
      declaredBy: 'demo-qinfeng',
    },
  },
  {
    residentId: 'demo-r-li',
    name: '陆根生',
    phone: '13900001003',
    birthYear: 1955,
    ties: [{ tieId: 'demo-tie-li-shuyuan', communityId: 'shuyuan', kind: 'lives' }],
    erasureRequested: {
      erasureId: 'demo-erasure-li',
      requestedBy: 'demo-shuyuan',
      writtenRequestRef: '书院〔2025〕7 号',
    },
  },
  {
    residentId: 'demo-r-zhao',
    name: '钱福根',
    phone: '13900001004',
    birthYear: 1948,
    ties: [{ tieId: 'demo-tie-zhao-shuyuan', communityId: 'shuyuan', kind: 'lives' }],
  },
  {
    residentId: 'demo-r-chen',
    name: '蒋晓红',
    phone: '13900001005',
    birthYear: 1985,
    signIn: {
      password: 'qinhu-chenxh-2025',
      description: {
        'zh-CN': '居民（蒋晓红，住虹桥社区）',
        en: 'Resident (蒋晓红, lives in Hongqiao)',
      },
    },
    ties: [{ tieId: 'demo-tie-chen-hongqiao', communityId: 'hongqiao', kind: 'lives' }],
  },
  // Voters whose paper ballots the paper-ballot journey enters (no other journey uses them).
  ...(
    [
      ['demo-r-paper-1', '周阿娣', '13900001011', 1946],
      ['demo-r-paper-2', '陶永福', '13900001012', 1951],
      ['demo-r-paper-3', '邵美英', '13900001013', 1958],
      ['demo-r-paper-4', '殷国平', '13900001014', 1963],
    ] as const
  ).map(([residentId, name, phone, birthYear]) => ({
    residentId,
    name,
    phone,
    birthYear,
    ties: [{ tieId: `${residentId}-shuyuan`, communityId: 'shuyuan', kind: 'lives' as const }],
  })),
  ...ROSTER_RESIDENTS,
];

/** Every demo resident who signs in, as the start banner and the README list them. */
export const DEMO_RESIDENT_SIGN_INS: DemoSignIn[] = DEMO_RESIDENTS.flatMap(({ phone, signIn }) =>
  signIn ? [{ loginName: phone, password: signIn.password, description: signIn.description }] : [],
);

const WORKER_OF: Record<string, string> = {
  shuyuan: 'demo-shuyuan',
  hongqiao: 'demo-yushan',
  qinfeng: 'demo-qinfeng',
};

/**
 * Who verified the demo residents' ties: the street's officer, since the worker who registered
 * a resident on the spot may not verify that resident's tie too (four eyes).
 */
const VERIFIER_OF: Record<string, string> = {
  shuyuan: 'demo-yushan',
  hongqiao: 'demo-yushan',
  huyuan: 'demo-yushan',
  xiaoyi: 'demo-yushan',
  qinfeng: 'demo-qinchuan',
  xingfu: 'demo-qinchuan',
  fangta: 'demo-qinchuan',
  sanfeng: 'demo-qinchuan',
};

/** Registers the demo residents two months ago, their ties verified two days later. */
export async function seedResidents(
  { store, digestPhone }: SeedTarget & { digestPhone: (phone: string) => string },
  day: Day,
  by: By,
): Promise<void> {
  const newResidents = [];
  for (const resident of DEMO_RESIDENTS) {
    if (await streamIsMissing(store, residentStreams.resident(resident.residentId))) {
      newResidents.push(resident);
    }
  }
  const [rosterHash, ...hashes] = await Promise.all([
    newResidents.some((r) => r.sharesRosterPassword) ? hashPassword(ROSTER_PASSWORD) : undefined,
    ...newResidents.map((r) => (r.signIn ? hashPassword(r.signIn.password) : undefined)),
  ]);
  for (const [index, resident] of newResidents.entries()) {
    const { residentId, name, phone, birthYear, ties } = resident;
    const passwordHash = resident.sharesRosterPassword ? rosterHash : hashes[index];
    const worker = WORKER_OF[ties[0]!.communityId]!;
    const registration = await residentCommands.prepareRegistration(store, {
      data: {
        residentId,
        phoneDigest: digestPhone(phone),
        birthYear,
        ...(passwordHash
          ? { passwordHash, channel: 'online' as const }
          : {
              channel: 'offline' as const,
              consent: {
                recordedBy: worker,
                form: 'paper' as const,
                at: `${day(-60)}T01:00:00.000Z`,
              },
            }),
        personal: { name, phone },
      },
      ties,
      today: day(-60),
    });
    const registering = passwordHash
      ? by(residentId, -60)
      : by(worker, -60, { onBehalfOf: residentId, channel: 'offline' });
    await residentCommands.registerResident(registering, registration);
    if (passwordHash) await residentCommands.confirmPhone(registering, residentId);
    for (const tie of ties) {
      const verifier = VERIFIER_OF[tie.communityId]!;
      await residentCommands.verifyTie(by(verifier, -58), {
        residentId,
        tieId: tie.tieId,
        note: '已核对居住或工作证明',
        verifiedBy: verifier,
      });
    }
    await seedWaitingOn(resident, by);
  }
}

/** What a demo resident's record has waiting, written two days ago, as the counter writes it. */
async function seedWaitingOn(resident: DemoResident, by: By): Promise<void> {
  const { residentId, awaitingTie, erasureRequested } = resident;
  if (awaitingTie) {
    const { declaredBy, ...tie } = awaitingTie;
    await residentCommands.declareTie(
      by(declaredBy, -2, { onBehalfOf: residentId, channel: 'offline' }),
      { residentId, ...tie, declaredFor: { by: declaredBy, consent: 'awaiting_resident' } },
    );
  }
  if (erasureRequested) {
    const { erasureId, requestedBy, writtenRequestRef } = erasureRequested;
    await residentCommands.erasureStep(
      by(requestedBy, -2, { onBehalfOf: residentId, channel: 'offline' }),
      {
        type: 'RequestErasure',
        data: {
          residentId,
          erasureId,
          communityId: resident.ties[0]!.communityId,
          requestedBy,
          writtenRequestRef,
        },
      },
    );
  }
}
