import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { isKind } from '$lib/guarantee';
import { attachByKey } from '$lib/server/contracts/attach-by-key';
import type { ContractFile } from '$lib/server/contracts/files';
import { note as noteOf } from '$lib/server/common/text';
import { echo, formText, keyEntry } from '$lib/server/http/forms';
import type { UserCaller } from '$lib/server/identity/caller';
import { lockContact } from '$lib/server/certificates/lock-contact';

const noteText = noteOf(500);

/**
 * ?/attach: the number and key verified as /verify does, then attached (attach-by-key.ts); a
 * guarantee whose 工事名 or 受注者 differ is refused (400, naming the difference) until the
 * clerk sends it again with `acceptMismatch=on` and a note.
 */
export async function attach(
	{ request, setHeaders }: RequestEvent,
	caller: UserCaller,
	file: ContractFile
) {
	const form = await request.formData();
	const { guaranteeNumber, authKey, purpose } = keyEntry(form);
	const acceptMismatch = form.get('acceptMismatch') === 'on';
	const note = noteText.safeParse(formText(form, 'note', 500) ?? '').data ?? '';
	// The key is never echoed back: only the number, the stage and the note are kept.
	const values = echo({ guaranteeNumber, purpose: purpose ?? '', note });
	// A file attaches a guarantee at a stage of the contract: the purpose of its kind, not 'other'.
	if (!isKind(purpose)) return fail(400, { attach: 'purpose' as const, values });
	const entry = { guaranteeNumber, authKey, purpose };
	const result = await attachByKey(caller, file, entry, { acceptMismatch, note });
	if (!result.ok && result.kind === 'locked') {
		setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
		const { scope, until } = result;
		// Whom to call, as on /verify: the issuer's office of this organisation's guarantee.
		const contact =
			scope === 'number' ? await lockContact(caller.user.organizationId, guaranteeNumber) : null;
		const lockedUntil = until.toISOString();
		return fail(429, { attach: 'locked' as const, scope, until: lockedUntil, contact, values });
	}
	if (!result.ok && result.kind === 'no-match') {
		const { remaining, scope } = result;
		return fail(400, { attach: result.kind, remaining, scope, values });
	}
	if (!result.ok) {
		// Each field's own error, shown beside it by the shared key entry.
		const invalid = result.kind === 'invalid' ? result : null;
		const fields = { guaranteeNumber: invalid?.guaranteeNumber, authKey: invalid?.authKey };
		return fail(400, { attach: result.kind, fields, values });
	}
	if (!result.attached) {
		const { differences } = result;
		return fail(400, { attach: 'mismatch' as const, differences, acceptMismatch, values });
	}
	redirect(303, `/contracts/${file.id}`);
}
