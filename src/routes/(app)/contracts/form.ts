import { formText } from '$lib/server/forms';
import type { SessionUser } from '$lib/server/auth';
import { userActor } from '$lib/server/guard';

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
		intermediateAdvancePaymentAmount: text('intermediateAdvancePaymentAmount', 40)
	};
}
export type ContractValues = ReturnType<typeof contractValues>;

/** Who does a contract-file action, for its audit event. */
export const whoFor = (user: SessionUser, locals: App.Locals) => ({
	organizationId: user.organizationId,
	actor: userActor(user),
	context: locals.context
});
