import { and, asc, eq, inArray } from 'drizzle-orm';
import * as audit from '../audit/append';
import { latestVersion } from '../certificates/reads';
import { db, type Executor } from '../db';
import {
	appUser,
	contractDetachment,
	contractGuarantee,
	guarantee,
	type ContractFile
} from '../db/schema';
import { event } from './files';
import type { TenantCaller } from '../identity/caller';
import { nameDifferences, type NameField } from './checks/names';

/**
 * Attaching a verified guarantee to a contract file, and taking a wrong one off again. A guarantee
 * whose 工事名 or 受注者 really differ from the file's (names.ts) is not attached unless the clerk
 * confirms the difference with a note; a detached guarantee stays on the record with its note.
 */
export interface Difference {
	field: NameField;
	certificate: string;
	file: string;
}
export type AttachResult = { attached: true } | { attached: false; differences: Difference[] };

export async function attach(
	caller: TenantCaller,
	file: ContractFile,
	verified: { id: string; guaranteeNumber: string },
	purpose: string,
	by: string | null,
	confirmed: { acceptMismatch: boolean; note: string }
): Promise<AttachResult> {
	const latest = (await latestVersion(verified.id))!;
	const differences = nameDifferences(latest, file).map((field) => ({
		field,
		certificate: latest[field],
		file: file[field]
	}));
	const target = {
		guaranteeId: verified.id,
		guaranteeNumber: verified.guaranteeNumber,
		purpose
	};
	const detail = {
		contractNumber: file.contractNumber,
		differences: differences.map((d) => d.field)
	};
	if (differences.length && !(confirmed.acceptMismatch && confirmed.note)) {
		await audit.record({
			...event(caller, 'contract.attach', detail),
			...target,
			outcome: 'failure',
			reason: 'name-mismatch'
		});
		return { attached: false, differences };
	}
	const mismatchNote = differences.length ? confirmed.note : null;
	await db.transaction(async (tx) => {
		await tx
			.insert(contractGuarantee)
			.values({
				contractFileId: file.id,
				guaranteeId: verified.id,
				purpose,
				attachedBy: by,
				mismatchNote
			})
			.onConflictDoNothing();
		const noted = mismatchNote ? { ...detail, note: mismatchNote } : detail;
		await audit.record({ ...event(caller, 'contract.attach', noted), ...target }, tx);
	});
	return { attached: true };
}

/** Takes the guarantee numbered `guaranteeNumber` off the file; false when it is not attached. */
export async function detach(
	caller: TenantCaller,
	file: ContractFile,
	guaranteeNumber: string,
	note: string,
	by: string | null
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const links = await tx
			.select({ link: contractGuarantee, number: guarantee.guaranteeNumber })
			.from(contractGuarantee)
			.innerJoin(guarantee, eq(guarantee.id, contractGuarantee.guaranteeId))
			.where(
				and(
					eq(contractGuarantee.contractFileId, file.id),
					eq(guarantee.guaranteeNumber, guaranteeNumber)
				)
			)
			.for('update');
		if (links.length === 0) return false;
		const ids = links.map((l) => l.link.guaranteeId);
		await tx
			.delete(contractGuarantee)
			.where(
				and(
					eq(contractGuarantee.contractFileId, file.id),
					inArray(contractGuarantee.guaranteeId, ids)
				)
			);
		for (const { link, number } of links) {
			await tx.insert(contractDetachment).values({
				contractFileId: file.id,
				guaranteeId: link.guaranteeId,
				purpose: link.purpose,
				attachedAt: link.attachedAt,
				attachedBy: link.attachedBy,
				note,
				detachedBy: by
			});
			await audit.record(
				{
					...event(caller, 'contract.detach', { contractNumber: file.contractNumber, note }),
					guaranteeId: link.guaranteeId,
					guaranteeNumber: number,
					purpose: link.purpose
				},
				tx
			);
		}
		return true;
	});
}

/** The guarantees taken off the file, oldest first, with who did it and why. */
export function detachedFrom(contractFileId: string, executor: Executor = db) {
	return executor
		.select({
			guaranteeNumber: guarantee.guaranteeNumber,
			kind: guarantee.kind,
			purpose: contractDetachment.purpose,
			attachedAt: contractDetachment.attachedAt,
			detachedAt: contractDetachment.detachedAt,
			detachedBy: appUser.displayName,
			note: contractDetachment.note
		})
		.from(contractDetachment)
		.innerJoin(guarantee, eq(guarantee.id, contractDetachment.guaranteeId))
		.leftJoin(appUser, eq(appUser.id, contractDetachment.detachedBy))
		.where(eq(contractDetachment.contractFileId, contractFileId))
		.orderBy(asc(contractDetachment.detachedAt));
}
