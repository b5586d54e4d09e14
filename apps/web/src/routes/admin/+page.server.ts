import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

// The staff area has one section so far.
export const load: PageServerLoad = () => redirect(307, '/admin/organisation');
