// The places of the demo: one county-level city, two streets and eight communities and villages,
// named after the pattern of Changshu.
import { organisationCommands } from '@gongzhi/api';
import { organisationStreams, type CommunityKind } from '@gongzhi/domain';
import { bySystem, streamIsMissing, type SeedTarget } from './writers.ts';

const CITY = { cityId: 'qinhu', name: '琴湖市', nameEn: 'Qinhu City' };

const STREETS: { streetId: string; name: string; nameEn: string }[] = [
  { streetId: 'yushan', name: '虞山街道', nameEn: 'Yushan Subdistrict' },
  { streetId: 'qinchuan', name: '琴川街道', nameEn: 'Qinchuan Subdistrict' },
];

const COMMUNITIES: {
  communityId: string;
  streetId: string;
  kind: CommunityKind;
  name: string;
  nameEn: string;
}[] = [
  {
    communityId: 'shuyuan',
    streetId: 'yushan',
    kind: 'urban',
    name: '书院社区',
    nameEn: 'Shuyuan Community',
  },
  {
    communityId: 'hongqiao',
    streetId: 'yushan',
    kind: 'urban',
    name: '虹桥社区',
    nameEn: 'Hongqiao Community',
  },
  {
    communityId: 'huyuan',
    streetId: 'yushan',
    kind: 'urban',
    name: '湖苑社区',
    nameEn: 'Huyuan Community',
  },
  {
    communityId: 'xiaoyi',
    streetId: 'yushan',
    kind: 'village',
    name: '小义村',
    nameEn: 'Xiaoyi Village',
  },
  {
    communityId: 'qinfeng',
    streetId: 'qinchuan',
    kind: 'urban',
    name: '琴枫社区',
    nameEn: 'Qinfeng Community',
  },
  {
    communityId: 'xingfu',
    streetId: 'qinchuan',
    kind: 'urban',
    name: '兴福社区',
    nameEn: 'Xingfu Community',
  },
  {
    communityId: 'fangta',
    streetId: 'qinchuan',
    kind: 'urban',
    name: '方塔社区',
    nameEn: 'Fangta Community',
  },
  {
    communityId: 'sanfeng',
    streetId: 'qinchuan',
    kind: 'village',
    name: '三峰村',
    nameEn: 'Sanfeng Village',
  },
];

export async function seedPlaces(target: SeedTarget): Promise<void> {
  const { store } = target;
  if (await streamIsMissing(store, organisationStreams.city(CITY.cityId))) {
    await organisationCommands.registerCity(bySystem(target), CITY);
  }
  for (const street of STREETS) {
    if (await streamIsMissing(store, organisationStreams.street(street.streetId))) {
      await organisationCommands.registerStreet(bySystem(target), street);
    }
  }
  for (const community of COMMUNITIES) {
    if (await streamIsMissing(store, organisationStreams.community(community.communityId))) {
      await organisationCommands.registerCommunity(bySystem(target), community);
    }
  }
}
