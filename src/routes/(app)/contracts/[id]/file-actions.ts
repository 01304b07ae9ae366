import { fail, redirect } from '@sveltejs/kit';
import * as attachments from '$lib/server/contracts/attachments';
import * as contracts from '$lib/server/contracts/files';
import * as securities from '$lib/server/contracts/securities';
import { note } from '$lib/server/common/text';
import type { ContractFile } from '$lib/server/db/schema';
import { echo, formText } from '$lib/server/http/forms';
import type { SessionUser } from '$lib/server/identity/sessions';
import { whoFor } from '../form';

/**
 * The contract file page's smaller actions (shared/API.md §3, §4): ?/change, ?/detach,
 * ?/other-security, ?/withdraw-security and ?/complete. Each parses its form, calls its module and answers 303,
 * or 400 with the values.
 */
const back = (file: ContractFile) => redirect(303, `/contracts/${file.id}`);
const text = (form: FormData, name: string, max: number) => formText(form, name, max) ?? '';

export async function change(
	form: FormData,
	user: SessionUser,
	file: ContractFile,
	locals: App.Locals
) {
	const changeValues = {
		changedOn: text(form, 'changedOn', 20),
		contractAmount: text(form, 'contractAmount', 40),
		endOn: text(form, 'endOn', 20),
		note: text(form, 'note', 200)
	};
	const parsed = contracts.changeInput.safeParse(changeValues);
	if (!parsed.success) {
		return fail(400, {
			changeErrors: contracts.fieldErrors(parsed.error),
			changeValues: echo(changeValues)
		});
	}
	await contracts.addChange(whoFor(user, locals), file, parsed.data, user.id);
	back(file);
}

/**
 * A removal that needs its reason (detach, withdraw): the target named by `field` and a note;
 * null when done, else the refusal to echo back.
 */
async function withReason(
	form: FormData,
	field: string,
	remove: (target: string, note: string) => Promise<boolean>
) {
	const values = { target: text(form, field, 64), note: text(form, 'note', 500) };
	const noted = note(500).min(1).safeParse(values.note);
	if (!noted.success) return { error: 'noteRequired' as const, values };
	if (!(await remove(values.target, noted.data))) return { error: 'notFound' as const, values };
	return null;
}

export async function detach(
	form: FormData,
	user: SessionUser,
	file: ContractFile,
	locals: App.Locals
) {
	const who = whoFor(user, locals);
	const refused = await withReason(form, 'guaranteeNumber', (number, reason) =>
		attachments.detach(who, file, number, reason, user.id)
	);
	if (!refused) back(file);
	else
		return fail(400, {
			detachError: refused.error === 'notFound' ? ('notAttached' as const) : refused.error,
			detachValues: echo({ guaranteeNumber: refused.values.target, note: refused.values.note })
		});
}

export async function otherSecurity(
	form: FormData,
	user: SessionUser,
	file: ContractFile,
	locals: App.Locals
) {
	const securityValues = {
		kind: text(form, 'kind', 40),
		method: text(form, 'method', 20),
		reference: text(form, 'reference', 100),
		amount: text(form, 'amount', 40),
		endOn: text(form, 'endOn', 20),
		note: text(form, 'note', 500)
	};
	const parsed = securities.securityInput.safeParse(securityValues);
	if (!parsed.success) {
		return fail(400, {
			securityErrors: contracts.fieldErrors(parsed.error),
			securityValues: echo(securityValues)
		});
	}
	await securities.record(whoFor(user, locals), file, parsed.data, user.id);
	back(file);
}

export async function withdrawSecurity(
	form: FormData,
	user: SessionUser,
	file: ContractFile,
	locals: App.Locals
) {
	const who = whoFor(user, locals);
	const refused = await withReason(form, 'id', (id, reason) =>
		securities.withdraw(who, file, id, reason, user.id)
	);
	if (!refused) back(file);
	else
		return fail(400, {
			withdrawError: refused.error === 'notFound' ? ('notRecorded' as const) : refused.error,
			withdrawValues: echo({ id: refused.values.target, note: refused.values.note })
		});
}

export async function complete(
	form: FormData,
	user: SessionUser,
	file: ContractFile,
	locals: App.Locals
) {
	const parsed = contracts.completeInput.safeParse({ completedOn: text(form, 'completedOn', 20) });
	if (!parsed.success) return fail(400, { completeError: 'invalid' as const });
	await contracts.complete(whoFor(user, locals), file, parsed.data.completedOn ?? null);
	back(file);
}
