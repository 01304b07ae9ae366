import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import * as audit from '../audit/append';
import { note, optionalLine } from '../common/text';
import { db, type Executor } from '../db';
import { appUser, contractSecurity, type ContractFile } from '../db/schema';
import { optionalFormDay } from '../common/dates';
import { event, optionalYen } from './files';
import type { TenantCaller } from '../identity/caller';
import { KINDS, SECURITY_METHODS } from '../../guarantee';

/**
 * A guarantee the file needs, provided another way than an electronic certificate: a paper
 * 保証証書, a 公共工事履行保証証券, a 履行保証保険, a bank's guarantee, 契約保証金, or 免除 — the forms
 * 公共工事標準請負契約約款 第4条 allows for the 契約保証 (免除 where the town's 契約規則 allows, under
 * 地方自治法施行令 第167条の16). It counts as submitted; its amount and end date, when given, are
 * checked like an electronic certificate's.
 */
export const METHODS = SECURITY_METHODS;

const blankToUndefined = (v: unknown) => (v === '' || v == null ? undefined : v);

export const securityInput = z
	.object({
		kind: z.enum(KINDS),
		method: z.enum(METHODS),
		reference: z.preprocess(blankToUndefined, optionalLine(100).optional()),
		amount: optionalYen,
		endOn: optionalFormDay,
		note: note(500).default('')
	})
	// 公共工事の前払金保証事業に関する法律: an advance is guaranteed only by a 登録保証事業会社,
	// so the other forms (and 免除) are for the 契約保証 alone.
	.refine((s) => s.kind === 'contract' || s.method === 'paper', {
		path: ['method'],
		message: 'advanceOnlyPaper'
	})
	.refine((s) => s.method === 'exempt' || s.reference !== undefined, {
		path: ['reference'],
		message: 'referenceRequired'
	})
	.refine((s) => s.method !== 'exempt' || s.note !== '', {
		path: ['note'],
		message: 'noteRequired'
	});
export type SecurityInput = z.output<typeof securityInput>;

/** Records the security; the same one again (a double click) is not recorded twice. */
export async function record(
	caller: TenantCaller,
	file: ContractFile,
	input: SecurityInput,
	by: string | null
) {
	await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(contractSecurity)
			.values({
				contractFileId: file.id,
				kind: input.kind,
				method: input.method,
				reference: input.reference ?? '',
				amount: input.amount ?? null,
				endOn: input.endOn ?? null,
				note: input.note || null,
				recordedBy: by
			})
			.onConflictDoNothing()
			.returning({ id: contractSecurity.id });
		if (!row) return;
		const detail = { contractNumber: file.contractNumber, ...input };
		await audit.record(event(caller, 'contract.other-security', detail), tx);
	});
}

/** A security recorded by mistake: no longer counted, kept on the record with the note. */
export async function withdraw(
	caller: TenantCaller,
	file: ContractFile,
	id: string,
	note: string,
	by: string | null
): Promise<boolean> {
	if (!z.uuid().safeParse(id).success) return false;
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(contractSecurity)
			.set({ withdrawnAt: new Date(), withdrawnBy: by, withdrawNote: note })
			.where(
				and(
					eq(contractSecurity.id, id),
					eq(contractSecurity.contractFileId, file.id),
					isNull(contractSecurity.withdrawnAt)
				)
			)
			.returning();
		if (!row) return false;
		const detail = {
			contractNumber: file.contractNumber,
			kind: row.kind,
			method: row.method,
			note
		};
		await audit.record(event(caller, 'contract.withdraw-security', detail), tx);
		return true;
	});
}

export function of(contractFileId: string, executor: Executor = db) {
	return executor
		.select({ security: contractSecurity, recordedBy: appUser.displayName })
		.from(contractSecurity)
		.leftJoin(appUser, eq(appUser.id, contractSecurity.recordedBy))
		.where(eq(contractSecurity.contractFileId, contractFileId))
		.orderBy(asc(contractSecurity.recordedAt));
}
