import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import * as audit from '../audit/append';
import { db } from '../db';
import { formDay, optionalFormDay } from '../common/dates';
import { foldedLine, note, oneLine } from '../common/text';
import { contractChange, contractFile, contractGuarantee, type ContractFile } from '../db/schema';
import type { RequestContext } from '../identity/request-context';

/**
 * The organisation's own record of a works contract (案件): create, change (変更契約) and
 * attach verified guarantees. Every query carries the organisation: another organisation's file
 * does not exist here. The checks live in contract-review.ts.
 */
const MAX_YEN = 10_000_000_000_000;

/** Amounts as clerks type them: full-width digits, commas, a ¥ or 円 are all fine. */
const yen = z
	.string()
	.transform((value) => value.normalize('NFKC').replace(/[,¥￥円\s]/g, ''))
	.pipe(z.string().regex(/^\d{1,14}$/))
	.transform(Number)
	.pipe(z.number().int().positive().max(MAX_YEN));
const optionalYen = z.preprocess((v) => (v === '' || v == null ? undefined : v), yen.optional());

export const contractInput = z
	.object({
		contractNumber: z
			.string()
			.transform((v) => v.normalize('NFKC').trim())
			.pipe(oneLine(40)),
		worksName: foldedLine(200),
		contractorName: foldedLine(200),
		contractAmount: yen,
		startOn: formDay,
		endOn: formDay,
		lowBid: z.boolean(),
		advancePaymentAmount: optionalYen,
		intermediateAdvancePaymentAmount: optionalYen
	})
	.refine((c) => c.startOn <= c.endOn, { path: ['endOn'], message: 'beforeStart' });
export type ContractInput = z.output<typeof contractInput>;

export const changeInput = z
	.object({
		changedOn: formDay,
		contractAmount: optionalYen,
		endOn: optionalFormDay,
		note: note(200).default('')
	})
	.refine((c) => c.contractAmount !== undefined || c.endOn !== undefined, {
		path: ['contractAmount'],
		message: 'nothingChanged'
	});
export type ChangeInput = z.output<typeof changeInput>;

/** zod issues as `{ field: code }`, the codes the pages turn into Japanese. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		// A shared rule names its own code (dates, characters); a rule of this form, its message.
		const code = (issue as { params?: { code?: string } }).params?.code;
		errors[field] ??= issue.code === 'custom' ? (code ?? issue.message) : 'invalid';
	}
	return errors;
}

export class DuplicateContractError extends Error {}

export interface Who {
	organizationId: string;
	actor: audit.Actor;
	context: RequestContext;
}

/** A contract-file action's audit event (success), by `who`. */
export const event = (who: Who, action: string, detail: Record<string, unknown>) => ({
	action,
	outcome: 'success' as const,
	actor: who.actor,
	context: who.context,
	organizationId: who.organizationId,
	detail
});

export async function create(who: Who, input: ContractInput, createdBy: string | null) {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(contractFile)
			.values({ ...input, organizationId: who.organizationId, createdBy })
			.onConflictDoNothing()
			.returning();
		if (!row) throw new DuplicateContractError(input.contractNumber);
		await audit.record(event(who, 'contract.create', { contractNumber: row.contractNumber }), tx);
		return row;
	});
}

/** Corrects the file's own fields (a typo, a wrong date); a real change is a 変更契約. */
export async function update(who: Who, file: ContractFile, input: ContractInput) {
	await db.transaction(async (tx) => {
		const [row] = await tx
			.update(contractFile)
			.set({ ...input, updatedAt: new Date() })
			.where(and(eq(contractFile.id, file.id), eq(contractFile.organizationId, who.organizationId)))
			.returning({ id: contractFile.id })
			.catch((error) => {
				// 23505: another file of this organisation already has that contract number.
				if (error?.cause?.code === '23505' || error?.code === '23505') {
					throw new DuplicateContractError(input.contractNumber);
				}
				throw error;
			});
		if (!row) return;
		await audit.record(event(who, 'contract.update', { contractNumber: input.contractNumber }), tx);
	});
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

export function changesOf(contractFileId: string) {
	return db
		.select()
		.from(contractChange)
		.where(eq(contractChange.contractFileId, contractFileId))
		.orderBy(asc(contractChange.changedOn), asc(contractChange.createdAt));
}

/** 変更契約: a new amount and/or 工期末 from `changedOn`; the checks follow at once. */
export async function addChange(
	who: Who,
	file: ContractFile,
	input: ChangeInput,
	by: string | null
) {
	await db.transaction(async (tx) => {
		await tx.insert(contractChange).values({ ...input, contractFileId: file.id, createdBy: by });
		const detail = { contractNumber: file.contractNumber, ...input };
		await audit.record(event(who, 'contract.change', detail), tx);
	});
}

/** Links a guarantee whose key was just verified (certificates.verify) to the file. */
export async function attach(
	who: Who,
	file: ContractFile,
	guarantee: { id: string; guaranteeNumber: string },
	purpose: string,
	by: string | null
) {
	await db.transaction(async (tx) => {
		await tx
			.insert(contractGuarantee)
			.values({ contractFileId: file.id, guaranteeId: guarantee.id, purpose, attachedBy: by })
			.onConflictDoNothing();
		await audit.record(
			{
				...event(who, 'contract.attach', { contractNumber: file.contractNumber }),
				guaranteeId: guarantee.id,
				guaranteeNumber: guarantee.guaranteeNumber,
				purpose
			},
			tx
		);
	});
}

/** The printable 検証記録 was made: who produced the evidence for the 決裁, and when. */
export async function recordPrinted(who: Who, file: ContractFile) {
	await audit.record(event(who, 'contract.print', { contractNumber: file.contractNumber }));
}
