import { and, eq } from 'drizzle-orm';
import * as audit from '../audit/append';
import * as checks from './checks/checks';
import * as rules from './rules';
import * as securities from './securities';
import { detachedFrom } from './attachments';
import { compare } from './checks/comparison';
import { attachedGuarantees, securityChecks } from './review-reads';
import { differencesOf, snapshotOf } from './snapshot';
import { currentTerms, neededKinds, paidOf } from './terms';
import { event } from './files';
import type { TenantCaller } from '../identity/caller';
import { db, type Executor } from '../db';
import { contractGuarantee, type ContractFile } from '../db/schema';
import { todayInJapan } from '../certificates/reads';

export { currentTerms } from './terms';

/**
 * Re-runs the checks of a contract file against the latest certificate of each attached
 * guarantee and the organisation's rules in force — at every view, so a change certificate, a
 * cancellation, a 変更契約 or a changed rule shows at once — and says what changed since the
 * clerk last confirmed the file. Every read of a file's review goes through here; `executor` is
 * the transaction of its audit event when the review is shown (view.ts).
 */
export async function review(file: ContractFile, executor: Executor = db) {
	const today = todayInJapan();
	const [{ terms, changes }, inForce, attached, recorded, detached] = await Promise.all([
		currentTerms(file, executor),
		rules.inForce(file.organizationId, executor),
		attachedGuarantees(file, today, executor),
		securities.of(file.id, executor),
		detachedFrom(file.id, executor)
	]);
	// A security withdrawn (recorded by mistake) stays on the record and counts for nothing.
	const standing = recorded.map((r) => r.security).filter((s) => s.withdrawnAt === null);
	const paid = paidOf(
		file,
		attached.map((a) => a.input),
		standing
	);
	const guarantees = attached.map(({ row, latest, status, input }) => {
		const snapshot = snapshotOf(latest, status);
		return {
			id: row.guarantee.id,
			guaranteeNumber: row.guarantee.guaranteeNumber,
			kind: row.guarantee.kind,
			purpose: row.link.purpose,
			attachedAt: row.link.attachedAt,
			attachedBy: row.attachedBy,
			lastCheckedAt: row.link.lastCheckedAt,
			mismatchNote: row.link.mismatchNote,
			status,
			guaranteeAmount: latest.guaranteeAmount,
			advancePaymentAmount: latest.advancePaymentAmount,
			guaranteeEndOn: latest.guaranteeEndOn,
			version: latest.version,
			checks: checks.checkGuarantee(input, terms, inForce, paid),
			comparison: compare(terms, latest),
			snapshot,
			differences: differencesOf(row.link.lastSnapshot, snapshot)
		};
	});
	const otherSecurities = recorded.map(({ security, recordedBy }) => ({
		...security,
		recordedBy,
		checks: security.withdrawnAt ? [] : securityChecks(security, terms, inForce, paid)
	}));
	const needed = neededKinds(file);
	const provided = [
		...guarantees.map((g) => ({ kind: g.kind, how: 'electronic' as const })),
		...standing.map((s) => ({ kind: s.kind, how: s.method }))
	];
	const missing = needed.filter((kind) => !provided.some((p) => p.kind === kind));
	const in30Days = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000)
		.toISOString()
		.slice(0, 10);
	// A finished works' guarantees end with it: that is no reason to call the clerk.
	const expiringSoon = file.completedOn
		? []
		: guarantees.filter((g) => g.status === 'valid' && g.guaranteeEndOn <= in30Days);
	const result = checks.worst([...guarantees, ...otherSecurities].flatMap((g) => g.checks));
	return {
		terms,
		changes,
		rules: inForce,
		guarantees,
		securities: otherSecurities,
		detached,
		fileChecks: [checks.submitted(needed, provided)],
		missing,
		expiringSoon,
		result,
		attention: result !== 'pass' || missing.length > 0 || expiringSoon.length > 0
	};
}
export type Review = Awaited<ReturnType<typeof review>>;

/**
 * The caller confirmed the file (audited), or just attached `onlyGuaranteeId` (audited as the
 * attach): later differences are measured from what the guarantees say now.
 */
export async function confirm(caller: TenantCaller, file: ContractFile, onlyGuaranteeId?: string) {
	const { guarantees } = await review(file);
	const only = onlyGuaranteeId ?? null;
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
		if (!only) {
			const changed = guarantees.filter((g) => g.differences.length).map((g) => g.guaranteeNumber);
			const detail = { contractNumber: file.contractNumber, changed };
			await audit.record(event(caller, 'contract.confirm', detail), tx);
		}
	});
}
