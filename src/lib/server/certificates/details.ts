import type { CertificateVersion } from '../db/schema';

/**
 * The optional fields of API.md §4 as the certificate page shows them: 区分, 契約締結日, the
 * fiscal year and its 年度割額, the members of a joint venture, and the issuer's office to call.
 * Null where the issuer did not send them.
 */
export function detailsOf(v: CertificateVersion) {
	return {
		category: v.worksCategory,
		contractedOn: v.contractedOn,
		fiscalYear: v.fiscalYear,
		fiscalYearAmount: v.fiscalYearAmount,
		members: v.contractorMembers ?? [],
		office: v.issuingOfficeName ? { name: v.issuingOfficeName, phone: v.issuingOfficePhone } : null
	};
}
export type CertificateDetails = ReturnType<typeof detailsOf>;
