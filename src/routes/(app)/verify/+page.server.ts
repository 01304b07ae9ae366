import { fail, redirect } from '@sveltejs/kit';
import { normalizeAuthKeyInput } from '$lib/auth-key';
import { isPurpose } from '$lib/guarantee';
import * as certificates from '$lib/server/certificates/verify';
import { echo, keyEntry, type KeyEntryErrors } from '$lib/server/http/forms';
import { requireUser, requireWriter } from '$lib/server/http/guard';
import { lastPurpose, rememberPurpose } from '$lib/server/certificates/purpose-cookies';
import { lastUsedPurpose } from '$lib/server/certificates/last-purpose';
import { lockContact } from '$lib/server/certificates/lock-contact';
import type { Actions, PageServerLoad } from './$types';

/** The purpose offered first: the last one used in this browser, else by this clerk. */
export const load: PageServerLoad = async ({ cookies }) => {
	const { user } = requireUser();
	return { purpose: lastPurpose(cookies) ?? (await lastUsedPurpose(user)) };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, setHeaders }) => {
		const caller = requireWriter();
		const { guaranteeNumber, authKey, purpose } = keyEntry(await request.formData());
		// The key is a secret: it is never sent back in the page.
		const values = echo({ guaranteeNumber, purpose: purpose ?? '' });
		if (!isPurpose(purpose)) {
			const fields: KeyEntryErrors = { guaranteeNumber: null, authKey: null, purpose: 'empty' };
			return fail(400, { error: 'invalid' as const, fields, length: 0, values });
		}

		const result = await certificates.verify(caller, { guaranteeNumber, authKey, purpose });
		if (result.ok) {
			rememberPurpose(cookies, url.protocol === 'https:', result.id, purpose);
			redirect(303, `/certificates/${result.id}`);
		}
		if (result.kind === 'invalid') {
			const { guaranteeNumber: number = null, authKey: key = null } = result;
			const length = key === 'length' ? normalizeAuthKeyInput(authKey).length : 0;
			const fields: KeyEntryErrors = { guaranteeNumber: number, authKey: key, purpose: null };
			return fail(400, { error: 'invalid' as const, fields, length, values });
		}
		if (result.kind === 'locked') {
			setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			return fail(429, {
				error: 'locked' as const,
				scope: result.scope,
				until: result.until.toISOString(),
				contact:
					result.scope === 'number'
						? await lockContact(caller.user.organizationId, guaranteeNumber)
						: null,
				values
			});
		}
		const { remaining, scope } = result;
		return fail(400, { error: 'no-match' as const, remaining, scope, values });
	}
};
