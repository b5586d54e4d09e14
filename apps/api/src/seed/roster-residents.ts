// The residents on the demo bodies' rosters outside 书院社区: three in each other community and
// village, each registered online with a verified tie to it. They share one password (hashed once,
// since seeding time counts at every start) that the README gives.
export const ROSTER_PASSWORD = 'qinhu-roster-2025';

const NAMES: Record<string, [string, number][]> = {
  hongqiao: [
    ['朱建华', 1961],
    ['许丽娟', 1974],
    ['顾振东', 1982],
  ],
  huyuan: [
    ['钱雪芬', 1957],
    ['曹永明', 1966],
    ['黄佳敏', 1988],
  ],
  xiaoyi: [
    ['邹根林', 1953],
    ['张菊英', 1960],
    ['归海峰', 1971],
  ],
  qinfeng: [
    ['孙国良', 1959],
    ['范秀珍', 1968],
    ['严子涵', 1992],
  ],
  xingfu: [
    ['何志刚', 1963],
    ['薛红梅', 1970],
    ['庞文杰', 1985],
  ],
  fangta: [
    ['俞雅琴', 1966],
    ['潘卫国', 1958],
    ['宗晓燕', 1979],
  ],
  sanfeng: [
    ['浦金宝', 1950],
    ['季桂芳', 1962],
    ['缪建新', 1975],
  ],
};

/** The roster members of a community, in order: `demo-r-<community>-1` … `-3`. */
export const rosterResidentsOf = (communityId: string): string[] =>
  (NAMES[communityId] ?? []).map((_, i) => `demo-r-${communityId}-${i + 1}`);

/** Listed among the demo residents (residents.ts), which registers them. */
export const ROSTER_RESIDENTS = Object.entries(NAMES).flatMap(([communityId, names], c) =>
  names.map(([name, birthYear], i) => {
    const residentId = `demo-r-${communityId}-${i + 1}`;
    return {
      residentId,
      name,
      phone: `13900002${c + 1}${String(i + 1).padStart(2, '0')}`,
      birthYear,
      sharesRosterPassword: true,
      ties: [{ tieId: `${residentId}-lives`, communityId, kind: 'lives' as const }],
    };
  }),
);
