// See https://svelte.dev/docs/kit/types#app.d.ts
import type { ApiClient } from '@gongzhi/api/client';
import type { FormMessage } from '$lib/server/forms';
import type { SessionUser } from '$lib/server/session';

declare global {
  namespace App {
    /** A page to go to instead of one refused, and its link text. */
    interface Elsewhere {
      href: string;
      label: string;
    }
    interface Error {
      message: string;
      /** Where a refused person can go instead (see refusePage). */
      elsewhere?: Elsewhere;
    }
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
