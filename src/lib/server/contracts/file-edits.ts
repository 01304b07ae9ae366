import { note } from '../common/text';
import type { ContractFile } from '../db/schema';
import * as attachments from './attachments';
import * as files from './files';
import * as securities from './securities';
import type { TenantCaller } from '../identity/caller';

/**
 * The contract file page's edits on the values as typed (shared/API.md §3, §4): each parses
 * them with its module's schema, calls the module, and answers why it refused, or null when it
 * is done. The page shows the refusal beside the typed values.
 */
type Typed = Record<string, unknown>;
type FieldErrors = Record<string, string>;

/** Corrects the file's own fields; another file's contract number is refused. */
export async function update(
	caller: TenantCaller,
	file: ContractFile,
	values: Typed
): Promise<FieldErrors | null> {
	const parsed = files.contractInput.safeParse(values);
	if (!parsed.success) return files.fieldErrors(parsed.error);
	try {
		await files.update(caller, file, parsed.data);
	} catch (e) {
		if (!(e instanceof files.DuplicateContractError)) throw e;
		return { contractNumber: 'duplicate' };
	}
	return null;
}

/** A 変更契約: new amount or end date from a day on. */
export async function change(caller: TenantCaller, file: ContractFile, values: Typed, by: string) {
	const parsed = files.changeInput.safeParse(values);
	if (!parsed.success) return files.fieldErrors(parsed.error);
	await files.addChange(caller, file, parsed.data, by);
	return null;
}

/** A guarantee provided another way than an electronic certificate (securities.ts). */
export async function recordSecurity(
	caller: TenantCaller,
	file: ContractFile,
	values: Typed,
	by: string
) {
	const parsed = securities.securityInput.safeParse(values);
	if (!parsed.success) return files.fieldErrors(parsed.error);
	await securities.record(caller, file, parsed.data, by);
	return null;
}

/** 工事完了 on a day, or not finished after all (no day). */
export async function complete(
	caller: TenantCaller,
	file: ContractFile,
	values: { completedOn: string }
) {
	const parsed = files.completeInput.safeParse(values);
	if (!parsed.success) return 'invalid' as const;
	await files.complete(caller, file, parsed.data.completedOn ?? null);
	return null;
}

/** A removal needs its reason (kept on the record); `missing` when there is nothing to remove. */
async function withReason<M extends string>(
	typed: string,
	remove: (reason: string) => Promise<boolean>,
	missing: M
) {
	const reason = note(500).min(1).safeParse(typed);
	if (!reason.success) return 'noteRequired' as const;
	return (await remove(reason.data)) ? null : missing;
}

/** Takes an attached guarantee off, with the reason it was wrong. */
export const detach = (
	caller: TenantCaller,
	file: ContractFile,
	values: { guaranteeNumber: string; note: string },
	by: string
) =>
	withReason(
		values.note,
		(reason) => attachments.detach(caller, file, values.guaranteeNumber, reason, by),
		'notAttached' as const
	);

/** Withdraws a security recorded by mistake, with the reason. */
export const withdrawSecurity = (
	caller: TenantCaller,
	file: ContractFile,
	values: { id: string; note: string },
	by: string
) =>
	withReason(
		values.note,
		(reason) => securities.withdraw(caller, file, values.id, reason, by),
		'notRecorded' as const
	);
