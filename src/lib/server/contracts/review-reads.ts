import { and, eq, inArray, ne } from 'drizzle-orm';
import * as checks from './checks/checks';
import type { Rules } from './rules';
import { db, type Executor } from '../db';
import {
	appUser,
	contractFile,
	contractGuarantee,
	guarantee,
	issuer,
	type CertificateVersion,
	type ContractFile,
	type ContractSecurity
} from '../db/schema';
import { latestVersions, statusOf } from '../certificates/reads';

/**
 * The review's reads: each attached guarantee with its latest certificate as the checks read it,
 * and the securities recorded another way, as the checks read them.
 */
function attachedRows(file: ContractFile, executor: Executor) {
	return executor
		.select({
			link: contractGuarantee,
			guarantee,
			issuerType: issuer.type,
			requireSignature: issuer.requireSignature,
			attachedBy: appUser.displayName
		})
		.from(contractGuarantee)
		.innerJoin(guarantee, eq(guarantee.id, contractGuarantee.guaranteeId))
		.innerJoin(issuer, eq(issuer.id, guarantee.issuerId))
		.leftJoin(appUser, eq(appUser.id, contractGuarantee.attachedBy))
		.where(eq(contractGuarantee.contractFileId, file.id))
		.orderBy(contractGuarantee.attachedAt);
}

/** The same guarantees on other files of the organisation (`one-contract`). */
async function elsewhere(file: ContractFile, ids: string[], executor: Executor) {
	if (!ids.length) return [];
	return executor
		.select({ guaranteeId: contractGuarantee.guaranteeId, number: contractFile.contractNumber })
		.from(contractGuarantee)
		.innerJoin(contractFile, eq(contractFile.id, contractGuarantee.contractFileId))
		.where(
			and(
				inArray(contractGuarantee.guaranteeId, ids),
				ne(contractGuarantee.contractFileId, file.id),
				eq(contractFile.organizationId, file.organizationId)
			)
		);
}

/** What a certificate says that the checks read. */
const securedBy = (v: CertificateVersion) => ({
	guaranteeAmount: v.guaranteeAmount,
	advancePaymentAmount: v.advancePaymentAmount,
	guaranteeEndOn: v.guaranteeEndOn,
	contractAmount: v.contractAmount,
	category: v.worksCategory,
	fiscalYear: v.fiscalYear,
	fiscalYearAmount: v.fiscalYearAmount
});

/**
 * Each attached guarantee: its link, its latest certificate, and the facts the checks read.
 * Three queries however many are attached: the links, the same guarantees on other files, and
 * their latest certificates; in the caller's transaction when it reads with an audit event.
 */
export async function attachedGuarantees(
	file: ContractFile,
	today: string,
	executor: Executor = db
) {
	const rows = await attachedRows(file, executor);
	const ids = rows.map((r) => r.guarantee.id);
	const others = await elsewhere(file, ids, executor);
	const latestOf = await latestVersions(ids, executor);
	return rows.map((row) => {
		const latest = latestOf.get(row.guarantee.id)!;
		const status = statusOf(row.guarantee, latest, today);
		const input: checks.AttachedGuarantee = {
			...securedBy(latest),
			kind: row.guarantee.kind,
			issuerType: row.issuerType,
			addressedToUs: row.guarantee.organizationId === file.organizationId,
			status,
			cancelledOn: row.guarantee.cancelledOn,
			signed: latest.signatureKid !== null,
			issuerRequiresSignature: row.requireSignature,
			worksName: latest.worksName,
			contractorName: latest.contractorName,
			mismatchNote: row.link.mismatchNote,
			worksStartOn: latest.worksStartOn,
			worksEndOn: latest.worksEndOn,
			otherContractNumbers: others
				.filter((e) => e.guaranteeId === row.guarantee.id)
				.map((e) => e.number)
		};
		return { row, latest, status, input };
	});
}

/** A security recorded another way, as the checks read it (nothing known of its contract). */
export const securedByRecord = (s: ContractSecurity) => ({
	kind: s.kind,
	guaranteeAmount: s.amount ?? 0,
	advancePaymentAmount: s.kind === 'contract' ? null : s.amount,
	guaranteeEndOn: s.endOn ?? '',
	contractAmount: null,
	category: null,
	fiscalYear: null,
	fiscalYearAmount: null
});

/** A recorded security's amount and end date are checked when given; 免除 has nothing to check. */
export function securityChecks(
	s: ContractSecurity,
	terms: checks.ContractTerms,
	inForce: Rules,
	paid: checks.Paid
) {
	if (s.method === 'exempt') return [];
	const secured = securedByRecord(s);
	return [
		...(s.amount !== null ? [checks.ratio(secured, terms, inForce, paid)] : []),
		...(s.endOn !== null ? [checks.period(secured, terms)] : [])
	];
}
