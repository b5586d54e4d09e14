import type { ApiClient } from '@gongzhi/api/client';
import type { ProxyPower } from '@gongzhi/domain';

type Profile = Awaited<ReturnType<ApiClient['resident']['me']['query']>>;

/** The residents who gave me a proxy in force with `power`: whom the "for whom" picker offers. */
export function grantorsWith(profile: Profile, power: ProxyPower) {
  return profile.proxiesReceived
    .filter((proxy) => proxy.active && proxy.powers.includes(power))
    .map((proxy) => ({
      residentId: proxy.grantor.accountId,
      name: proxy.grantor.name ?? proxy.grantor.phoneMasked ?? proxy.grantor.accountId,
    }));
}
