import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { parseQrPayload } from '$lib/auth-key';
import { isKind } from '$lib/guarantee';
import * as certificates from '$lib/server/certificates/verify';
import * as attachments from '$lib/server/contracts/attachments';
import * as contractReview from '$lib/server/contracts/review';
import { note as noteOf } from '$lib/server/common/text';
import { echo, formText } from '$lib/server/http/forms';
import type { SessionUser } from '$lib/server/identity/sessions';
import type { ContractFile } from '$lib/server/db/schema';
import { whoFor } from '../form';

const noteText = noteOf(500);

/**
 * ?/attach: the number and key are verified exactly as /verify does (same limits, same
 * key.attempt audit, same answer for another organisation's guarantee), then attached — unless
 * its 工事名 or 受注者 really differ from the file's: then 400 naming the difference, until the
 * clerk sends it again with `acceptMismatch=on` and a note.
 */
export async function attach(
	{ request, locals, setHeaders }: RequestEvent,
	user: SessionUser,
	file: ContractFile
) {
	const form = await request.formData();
	let guaranteeNumber = formText(form, 'guaranteeNumber', 100) ?? '';
	let authKey = formText(form, 'authKey', 100) ?? '';
	const scanned = parseQrPayload(guaranteeNumber) ?? parseQrPayload(authKey);
	if (scanned) ({ guaranteeNumber, authKey } = scanned);
	const purpose = formText(form, 'purpose', 40);
	const acceptMismatch = form.get('acceptMismatch') === 'on';
	const note = noteText.safeParse(formText(form, 'note', 500) ?? '').data ?? '';
	// The key is never echoed back: only the number, the stage and the note are kept.
	const values = echo({ guaranteeNumber, purpose: purpose ?? '', note });
	// A file attaches a guarantee at a stage of the contract: the purpose of its kind, not 'other'.
	if (!isKind(purpose)) {
		return fail(400, { attach: 'purpose' as const, values });
	}
	const context = locals.context;
	const result = await certificates.verify({ guaranteeNumber, authKey, purpose, user, context });
	if (!result.ok && result.kind === 'locked') {
		setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
		const { scope, until } = result;
		return fail(429, { attach: 'locked' as const, scope, until: until.toISOString(), values });
	}
	if (!result.ok && result.kind === 'no-match') {
		const { remaining, scope } = result;
		return fail(400, { attach: result.kind, field: null, remaining, scope, values });
	}
	if (!result.ok) {
		const field = result.kind === 'invalid' ? (result.authKey ?? result.guaranteeNumber) : null;
		return fail(400, { attach: result.kind, field, values });
	}
	const confirmed = { acceptMismatch, note };
	const done = await attachments.attach(
		whoFor(user, locals),
		file,
		result,
		purpose,
		user.id,
		confirmed
	);
	if (!done.attached) {
		const { differences } = done;
		return fail(400, { attach: 'mismatch' as const, differences, acceptMismatch, values });
	}
	await contractReview.confirm(file, { onlyGuaranteeId: result.id });
	redirect(303, `/contracts/${file.id}`);
}
