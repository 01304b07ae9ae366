import { and, eq, inArray, ne } from 'drizzle-orm';
import * as audit from '../audit/append';
import * as checks from './checks';
import { differencesOf, snapshotOf } from './snapshot';
import { changesOf, event, type Who } from './files';
import { db } from '../db';
import {
	appUser,
	contractFile,
	contractGuarantee,
	guarantee,
	issuer,
	type ContractFile
} from '../db/schema';
import { latestVersion, statusOf, todayInJapan } from '../certificates/reads';

type Executor = audit.Transaction | typeof db;

/**
 * Re-runs the checks of a contract file against the latest certificate of each attached
 * guarantee — at every view, so a change certificate, a cancellation or a 変更契約 shows at
 * once — and says what changed since the clerk last confirmed the file.
 */
/** The contract's terms after its 変更契約, in date order. */
export async function currentTerms(file: ContractFile, executor: Executor = db) {
	const changes = await changesOf(file.id, executor);
	let { contractAmount, endOn } = file;
	for (const change of changes) {
		contractAmount = change.contractAmount ?? contractAmount;
		endOn = change.endOn ?? endOn;
	}
	const terms: checks.ContractTerms = { ...file, contractAmount, endOn };
	return { terms, changes };
}

/** `executor`: a transaction when the read must go with its audit event (view.ts). */
export async function review(file: ContractFile, executor: Executor = db) {
	const { terms, changes } = await currentTerms(file, executor);
	const rows = await executor
		.select({
			link: contractGuarantee,
			guarantee,
			requireSignature: issuer.requireSignature,
			attachedBy: appUser.displayName
		})
		.from(contractGuarantee)
		.innerJoin(guarantee, eq(guarantee.id, contractGuarantee.guaranteeId))
		.innerJoin(issuer, eq(issuer.id, guarantee.issuerId))
		.leftJoin(appUser, eq(appUser.id, contractGuarantee.attachedBy))
		.where(eq(contractGuarantee.contractFileId, file.id))
		.orderBy(contractGuarantee.attachedAt);
	const ids = rows.map((r) => r.guarantee.id);
	const elsewhere = ids.length
		? await executor
				.select({ guaranteeId: contractGuarantee.guaranteeId, number: contractFile.contractNumber })
				.from(contractGuarantee)
				.innerJoin(contractFile, eq(contractFile.id, contractGuarantee.contractFileId))
				.where(
					and(
						inArray(contractGuarantee.guaranteeId, ids),
						ne(contractGuarantee.contractFileId, file.id),
						eq(contractFile.organizationId, file.organizationId)
					)
				)
		: [];

	const today = todayInJapan();
	const attached = [];
	let advancePaid: number | null = null;
	for (const row of rows) {
		const latest = (await latestVersion(row.guarantee.id, executor))!;
		const status = statusOf(row.guarantee, latest, today);
		const input: checks.AttachedGuarantee = {
			kind: row.guarantee.kind,
			addressedToUs: row.guarantee.organizationId === file.organizationId,
			status,
			signed: latest.signatureKid !== null,
			issuerRequiresSignature: row.requireSignature,
			worksName: latest.worksName,
			contractorName: latest.contractorName,
			guaranteeAmount: latest.guaranteeAmount,
			advancePaymentAmount: latest.advancePaymentAmount,
			guaranteeEndOn: latest.guaranteeEndOn,
			otherContractNumbers: elsewhere
				.filter((e) => e.guaranteeId === row.guarantee.id)
				.map((e) => e.number)
		};
		if (row.guarantee.kind === 'advance_payment') {
			advancePaid = (advancePaid ?? 0) + (latest.advancePaymentAmount ?? 0);
		}
		const snapshot = snapshotOf(latest, status);
		const differences = differencesOf(row.link.lastSnapshot, snapshot);
		attached.push({ row, latest, status, input, snapshot, differences });
	}
	// 前払金 + 中間前払金 ≤ 6/10: the advance actually guaranteed, else the one planned in the file.
	const advance = advancePaid ?? file.advancePaymentAmount ?? 0;

	const guarantees = attached.map(({ row, latest, status, input, snapshot, differences }) => ({
		id: row.guarantee.id,
		guaranteeNumber: row.guarantee.guaranteeNumber,
		kind: row.guarantee.kind,
		purpose: row.link.purpose,
		attachedAt: row.link.attachedAt,
		attachedBy: row.attachedBy,
		lastCheckedAt: row.link.lastCheckedAt,
		status,
		guaranteeAmount: latest.guaranteeAmount,
		advancePaymentAmount: latest.advancePaymentAmount,
		guaranteeEndOn: latest.guaranteeEndOn,
		version: latest.version,
		checks: checks.checkGuarantee(input, terms, advance),
		snapshot,
		differences
	}));
	const kinds = new Set(guarantees.map((g) => g.kind));
	const missing = [
		kinds.has('contract') ? null : 'contract',
		file.advancePaymentAmount && !kinds.has('advance_payment') ? 'advance_payment' : null,
		file.intermediateAdvancePaymentAmount && !kinds.has('intermediate_advance_payment')
			? 'intermediate_advance_payment'
			: null
	].filter((kind): kind is NonNullable<typeof kind> => kind !== null);
	const in30Days = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000)
		.toISOString()
		.slice(0, 10);
	const expiringSoon = guarantees.filter(
		(g) => g.status === 'valid' && g.guaranteeEndOn <= in30Days
	);
	const allChecks = guarantees.flatMap((g) => g.checks);
	const result = checks.worst(allChecks);
	const attention = result !== 'pass' || missing.length > 0 || expiringSoon.length > 0;
	return { terms, changes, guarantees, missing, expiringSoon, result, attention };
}

/**
 * The clerk confirmed the file (`who`, audited), or just attached `onlyGuaranteeId` (audited as
 * the attach): later differences are measured from what the guarantees say now.
 */
export async function confirm(file: ContractFile, by: { who: Who } | { onlyGuaranteeId: string }) {
	const { guarantees } = await review(file);
	const only = 'onlyGuaranteeId' in by ? by.onlyGuaranteeId : null;
	await db.transaction(async (tx) => {
		for (const g of guarantees.filter((g) => !only || g.id === only)) {
			await tx
				.update(contractGuarantee)
				.set({ lastSnapshot: g.snapshot, lastCheckedAt: new Date() })
				.where(
					and(
						eq(contractGuarantee.contractFileId, file.id),
						eq(contractGuarantee.guaranteeId, g.id)
					)
				);
		}
		if ('who' in by) {
			const changed = guarantees.filter((g) => g.differences.length).map((g) => g.guaranteeNumber);
			const detail = { contractNumber: file.contractNumber, changed };
			await audit.record(event(by.who, 'contract.confirm', detail), tx);
		}
	});
}
