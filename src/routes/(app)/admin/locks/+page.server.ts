import { fail } from '@sveltejs/kit';
import * as locks from '$lib/server/identity/lock-admin';
import { formText } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guard';
import type { Actions, PageServerLoad } from './$types';

/** The organisation's paused key checks and sign-ins, for its admin to lift (lock-admin.ts). */
export const load: PageServerLoad = async () => {
	const admin = requireUser('admin');
	return { locks: (await locks.list(admin)).map(shown) };
};

/** What the page shows of a lock: never its limit object, the until as a string. */
const shown = ({ key, kind, guaranteeNumber, user, address, count, limit, until }: locks.Lock) => ({
	key,
	kind,
	guaranteeNumber: guaranteeNumber ?? null,
	user: user ?? null,
	address: address ?? null,
	count,
	max: limit.max,
	until: until.toISOString()
});

const STATUS = { forbidden: 403, foreign: 403, notLocked: 409 } as const;

export const actions: Actions = {
	lift: async ({ request }) => {
		const admin = requireUser('admin');
		const key = formText(await request.formData(), 'key', 200);
		if (!key) return fail(400, { error: 'invalid' as const });
		const lifted = await locks.lift(admin, key);
		if ('error' in lifted) return fail(STATUS[lifted.error], { error: lifted.error });
		return { lifted: shown(lifted.lifted) };
	}
};
