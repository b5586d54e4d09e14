// How off-catalogue tasks read in pages, in the person's language.
import { offCatalogueChannelText, type OffCatalogueChannel } from '@gongzhi/domain';
import { local } from '$lib/text';

export const channelLabel = (channel: OffCatalogueChannel) =>
  local(offCatalogueChannelText[channel]);
