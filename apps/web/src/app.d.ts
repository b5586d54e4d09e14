// See https://svelte.dev/docs/kit/types#app.d.ts
import type { ApiClient } from '@gongzhi/api/client';
import type { FormMessage } from '$lib/server/forms';
import type { SessionUser } from '$lib/server/session';

declare global {
  namespace App {
    interface Locals {
      api: ApiClient;
      user: SessionUser | null;
      largeText: boolean;
    }
    namespace Superforms {
      type Message = FormMessage;
    }
  }
}

export {};
