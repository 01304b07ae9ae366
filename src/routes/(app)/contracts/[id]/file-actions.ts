import { fail, redirect } from '@sveltejs/kit';
import * as edits from '$lib/server/contracts/file-edits';
import type { ContractFile } from '$lib/server/contracts/files';
import { echo, formText } from '$lib/server/http/forms';
import type { UserCaller } from '$lib/server/identity/caller';

/**
 * The contract file page's smaller actions: ?/change, ?/detach, ?/other-security,
 * ?/withdraw-security and ?/complete. Each reads its form, calls file-edits.ts and answers 303,
 * or 400 with the values.
 */
const action = <R>(run: (form: FormData, caller: UserCaller, file: ContractFile) => Promise<R>) =>
	run;
const back = (file: ContractFile) => redirect(303, `/contracts/${file.id}`);
/** The named fields as typed ('' when absent), each at most its length. */
const fields = <K extends string>(form: FormData, sizes: Record<K, number>) =>
	Object.fromEntries(
		Object.entries<number>(sizes).map(([name, max]) => [name, formText(form, name, max) ?? ''])
	) as Record<K, string>;

export const change = action(async (form, caller, file) => {
	const changeValues = fields(form, { changedOn: 20, contractAmount: 40, endOn: 20, note: 200 });
	const changeErrors = await edits.change(caller, file, changeValues, caller.user.id);
	if (changeErrors) return fail(400, { changeErrors, changeValues: echo(changeValues) });
	back(file);
});

export const otherSecurity = action(async (form, caller, file) => {
	const sizes = { kind: 40, method: 20, reference: 100, amount: 40, endOn: 20, note: 500 };
	const securityValues = fields(form, sizes);
	const securityErrors = await edits.recordSecurity(caller, file, securityValues, caller.user.id);
	if (securityErrors) return fail(400, { securityErrors, securityValues: echo(securityValues) });
	back(file);
});

export const detach = action(async (form, caller, file) => {
	const values = fields(form, { guaranteeNumber: 64, note: 500 });
	const detachError = await edits.detach(caller, file, values, caller.user.id);
	if (detachError) return fail(400, { detachError, detachValues: echo(values) });
	back(file);
});

export const withdrawSecurity = action(async (form, caller, file) => {
	const values = fields(form, { id: 64, note: 500 });
	const withdrawError = await edits.withdrawSecurity(caller, file, values, caller.user.id);
	if (withdrawError) return fail(400, { withdrawError, withdrawValues: echo(values) });
	back(file);
});

export const complete = action(async (form, caller, file) => {
	const values = fields(form, { completedOn: 20 });
	const completeError = await edits.complete(caller, file, values);
	if (completeError) return fail(400, { completeError });
	back(file);
});
