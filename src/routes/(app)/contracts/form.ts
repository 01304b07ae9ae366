import { error } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import * as contracts from '$lib/server/contracts/files';
import { formText } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guard';

/** The contract form's fields as typed (strings), echoed back when the form is refused. */
export function contractValues(form: FormData) {
	const text = (name: string, max = 200) => formText(form, name, max) ?? '';
	return {
		contractNumber: text('contractNumber', 40),
		worksName: text('worksName'),
		contractorName: text('contractorName'),
		contractAmount: text('contractAmount', 40),
		startOn: text('startOn', 20),
		endOn: text('endOn', 20),
		lowBid: form.get('lowBid') === 'on',
		advancePaymentAmount: text('advancePaymentAmount', 40),
		intermediateAdvancePaymentAmount: text('intermediateAdvancePaymentAmount', 40),
		category: text('category', 20),
		contractedOn: text('contractedOn', 20),
		fiscalYear: text('fiscalYear', 20),
		fiscalYearAmount: text('fiscalYearAmount', 40),
		intermediateCertifiedOn: text('intermediateCertifiedOn', 20),
		partialPayment: form.get('partialPayment') === 'on'
	};
}
export type ContractValues = ReturnType<typeof contractValues>;

/**
 * The signed-in user's contract file `id`. Another organisation's file, or none, is a 404 (and
 * a denied `action` in the user's trail: contracts.open).
 */
export async function ownFile(id: string, locals: App.Locals, action: string) {
	const caller = requireUser();
	const file = await contracts.open(caller, id, action);
	if (!file) error(404, messages(locals.locale).common.errors.notFound);
	return { caller, file };
}
