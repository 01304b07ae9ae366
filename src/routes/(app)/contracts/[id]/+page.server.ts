import { error, fail, redirect } from '@sveltejs/kit';
import { parseQrPayload } from '$lib/auth-key';
import { messages } from '$lib/i18n';
import * as certificates from '$lib/server/certificates';
import * as contracts from '$lib/server/contracts';
import * as contractReview from '$lib/server/contract-review';
import { formText } from '$lib/server/forms';
import { requireUser, userActor } from '$lib/server/guard';
import { contractValues } from '../form';
import type { Actions, PageServerLoad } from './$types';

async function ownFile(id: string, locale: App.Locals['locale']) {
	const user = requireUser();
	const file = await contracts.get(user.organizationId, id);
	if (!file) error(404, messages(locale).common.errors.notFound);
	return { user, file };
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const { file } = await ownFile(params.id, locals.locale);
	return { file, review: await contractReview.review(file) };
};

export const actions: Actions = {
	/** Verifies the key exactly as /verify does (same limits, same audit), then attaches. */
	attach: async ({ params, request, locals, setHeaders }) => {
		const { user, file } = await ownFile(params.id, locals.locale);
		const form = await request.formData();
		let guaranteeNumber = formText(form, 'guaranteeNumber', 100) ?? '';
		let authKey = formText(form, 'authKey', 100) ?? '';
		const scanned = parseQrPayload(guaranteeNumber) ?? parseQrPayload(authKey);
		if (scanned) ({ guaranteeNumber, authKey } = scanned);
		const purpose = formText(form, 'purpose', 40);
		const values = { guaranteeNumber, purpose: purpose ?? '' };
		if (!certificates.isPurpose(purpose)) return fail(400, { attach: 'purpose' as const, values });
		const result = await certificates.verify({
			guaranteeNumber,
			authKey,
			purpose,
			user,
			context: locals.context
		});
		if (!result.ok && result.kind === 'locked') {
			setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			return fail(429, {
				attach: 'locked' as const,
				scope: result.scope,
				until: result.until.toISOString(),
				values
			});
		}
		if (!result.ok) {
			const field = result.kind === 'invalid' ? (result.authKey ?? result.guaranteeNumber) : null;
			return fail(400, { attach: result.kind, field, values });
		}
		const who = {
			organizationId: user.organizationId,
			actor: userActor(user),
			context: locals.context
		};
		await contracts.attach(who, file, result, purpose, user.id);
		await contractReview.confirm(file, result.id);
		redirect(303, `/contracts/${file.id}`);
	},
	change: async ({ params, request, locals }) => {
		const { user, file } = await ownFile(params.id, locals.locale);
		const form = await request.formData();
		const values = {
			changedOn: formText(form, 'changedOn', 20) ?? '',
			contractAmount: formText(form, 'contractAmount', 40) ?? '',
			endOn: formText(form, 'endOn', 20) ?? '',
			note: formText(form, 'note', 200) ?? ''
		};
		const parsed = contracts.changeInput.safeParse(values);
		if (!parsed.success)
			return fail(400, { changeErrors: contracts.fieldErrors(parsed.error), changeValues: values });
		const who = {
			organizationId: user.organizationId,
			actor: userActor(user),
			context: locals.context
		};
		await contracts.addChange(who, file, parsed.data, user.id);
		redirect(303, `/contracts/${file.id}`);
	},
	update: async ({ params, request, locals }) => {
		const { user, file } = await ownFile(params.id, locals.locale);
		const values = contractValues(await request.formData());
		const parsed = contracts.contractInput.safeParse(values);
		if (!parsed.success) {
			return fail(400, { updateErrors: contracts.fieldErrors(parsed.error), updateValues: values });
		}
		const who = {
			organizationId: user.organizationId,
			actor: userActor(user),
			context: locals.context
		};
		try {
			await contracts.update(who, file, parsed.data);
		} catch (error) {
			if (!(error instanceof contracts.DuplicateContractError)) throw error;
			return fail(400, { updateErrors: { contractNumber: 'duplicate' }, updateValues: values });
		}
		redirect(303, `/contracts/${file.id}`);
	},
	confirm: async ({ params, locals }) => {
		const { file } = await ownFile(params.id, locals.locale);
		await contractReview.confirm(file);
		redirect(303, `/contracts/${file.id}`);
	}
};
