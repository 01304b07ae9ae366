import type { Kind } from '../../guarantee';
import * as certificates from '../certificates/verify';
import type { ContractFile } from '../db/schema';
import * as attachments from './attachments';
import type { UserCaller } from '../identity/caller';
import * as review from './review';

export interface KeyEntry {
	guaranteeNumber: string;
	authKey: string;
	/** The stage the guarantee is attached at: the purpose of its kind. */
	purpose: Kind;
}

/**
 * A contract file's ?/attach (shared/API.md §4): the number and key are verified exactly as
 * /verify does (same limits, same key.attempt audit, same answer for another organisation's
 * guarantee), then attached — unless its 工事名 or 受注者 really differ from the file's and the
 * clerk has not confirmed the difference with a note (attachments.ts) — and the file's review
 * is confirmed for that guarantee, so later differences are measured from now.
 */
export async function attachByKey(
	caller: UserCaller,
	file: ContractFile,
	entry: KeyEntry,
	confirmed: { acceptMismatch: boolean; note: string }
) {
	const { user } = caller;
	const verified = await certificates.verify(caller, entry);
	if (!verified.ok) return verified;
	const done = await attachments.attach(caller, file, verified, entry.purpose, user.id, confirmed);
	if (done.attached) await review.confirm(caller, file, verified.id);
	return { ok: true as const, ...done };
}
