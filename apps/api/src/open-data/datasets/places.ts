// The places a street publishes for: its communities (社区/村), so that the per-community files
// can be found, and a street's figures recomputed over all of them, from the downloads alone.
import { col, type Dataset } from '../dataset.ts';
import { publicStreet } from './read.ts';

const communities: Dataset = {
  name: 'communities',
  scope: 'street',
  title: { en: "The street's communities", zh: '街道所辖社区（村）' },
  version: 1,
  columns: [
    col('community_id', 'string', 'The community (the id of its files and pages)', '社区编号'),
    col('kind', 'string', '`urban` (社区) or `village` (村)', '类型：社区或村'),
    col('name', 'string', 'Its name, as registered', '名称'),
    col('name_en', 'string', 'Its English name (empty: none recorded)', '英文名称'),
  ],
  rows: async (reader, streetId) => {
    const street = await publicStreet(reader, streetId);
    return street
      ? street.communities.map((c) => ({
          community_id: c.communityId,
          kind: c.kind,
          name: c.name,
          name_en: c.nameEn ?? null,
        }))
      : null;
  },
};

export const placeDatasets: readonly Dataset[] = [communities];
