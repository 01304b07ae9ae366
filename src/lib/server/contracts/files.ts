import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import * as audit from '../audit/append';
import { db, type Executor } from '../db';
import { contractChange, contractFile, type ContractFile } from '../db/schema';
import type { ChangeInput, ContractInput } from './file-input';
import { organizationOf, recordedAs, type TenantCaller } from '../identity/caller';

/**
 * The organisation's own record of a works contract (案件): create, correct, change (変更契約),
 * mark finished (完了). Every query carries the organisation: another organisation's file
 * does not exist here. The checks live in checks.ts, their assembly in review.ts, attaching and
 * detaching in attachments.ts, other forms of security in securities.ts.
 */
export * from './file-input';
export type { ContractFile } from '../db/schema';

export class DuplicateContractError extends Error {}

/** A contract-file action's audit event (success), by `caller`. */
export const event = (caller: TenantCaller, action: string, detail: Record<string, unknown>) => ({
	action,
	outcome: 'success' as const,
	...recordedAs(caller),
	organizationId: organizationOf(caller),
	detail
});

export async function create(caller: TenantCaller, input: ContractInput, createdBy: string | null) {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(contractFile)
			.values({ ...input, organizationId: organizationOf(caller), createdBy })
			.onConflictDoNothing()
			.returning();
		if (!row) throw new DuplicateContractError(input.contractNumber);
		await audit.record(
			event(caller, 'contract.create', { contractNumber: row.contractNumber }),
			tx
		);
		return row;
	});
}

/** Corrects the file's own fields (a typo, a wrong date); a real change is a 変更契約. */
export async function update(caller: TenantCaller, file: ContractFile, input: ContractInput) {
	await db.transaction(async (tx) => {
		const [row] = await tx
			.update(contractFile)
			.set({ ...input, updatedAt: new Date() })
			.where(
				and(eq(contractFile.id, file.id), eq(contractFile.organizationId, organizationOf(caller)))
			)
			.returning({ id: contractFile.id })
			.catch((error) => {
				// 23505: another file of this organisation already has that contract number.
				if (error?.cause?.code === '23505' || error?.code === '23505') {
					throw new DuplicateContractError(input.contractNumber);
				}
				throw error;
			});
		if (!row) return;
		await audit.record(
			event(caller, 'contract.update', { contractNumber: input.contractNumber }),
			tx
		);
	});
}

/** 工事完了 (引渡し) on `completedOn`, or not finished after all (null). */
export async function complete(
	caller: TenantCaller,
	file: ContractFile,
	completedOn: string | null
) {
	await db.transaction(async (tx) => {
		await tx
			.update(contractFile)
			.set({ completedOn, updatedAt: new Date() })
			.where(
				and(eq(contractFile.id, file.id), eq(contractFile.organizationId, organizationOf(caller)))
			);
		const detail = { contractNumber: file.contractNumber, completedOn };
		await audit.record(event(caller, 'contract.complete', detail), tx);
	});
}

/**
 * The contract file `id` of the caller's organisation for `action`. Another organisation's file, or
 * none, is null and, for the tenant matrix (issue 7), a denied `action` in the caller's trail.
 */
export async function open(
	caller: TenantCaller,
	id: string,
	action: string
): Promise<ContractFile | null> {
	const file = await get(organizationOf(caller), id);
	if (!file) await audit.recordDenied(caller, action, id);
	return file;
}

export async function get(organizationId: string, id: string): Promise<ContractFile | null> {
	if (!z.uuid().safeParse(id).success) return null;
	const [row] = await db
		.select()
		.from(contractFile)
		.where(and(eq(contractFile.id, id), eq(contractFile.organizationId, organizationId)));
	return row ?? null;
}

export function list(organizationId: string): Promise<ContractFile[]> {
	return db
		.select()
		.from(contractFile)
		.where(eq(contractFile.organizationId, organizationId))
		.orderBy(asc(contractFile.contractNumber));
}

export function changesOf(contractFileId: string, executor: Executor = db) {
	return executor
		.select()
		.from(contractChange)
		.where(eq(contractChange.contractFileId, contractFileId))
		.orderBy(asc(contractChange.changedOn), asc(contractChange.createdAt));
}

/** 変更契約: a new amount and/or 工期末 from `changedOn`; the checks follow at once. */
export async function addChange(
	caller: TenantCaller,
	file: ContractFile,
	input: ChangeInput,
	by: string | null
) {
	await db.transaction(async (tx) => {
		await tx.insert(contractChange).values({ ...input, contractFileId: file.id, createdBy: by });
		const detail = { contractNumber: file.contractNumber, ...input };
		await audit.record(event(caller, 'contract.change', detail), tx);
	});
}
