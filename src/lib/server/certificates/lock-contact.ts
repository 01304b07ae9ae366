import { and, desc, eq } from 'drizzle-orm';
import { db } from '../db';
import { certificateVersion, guarantee, issuer } from '../db/schema';
import { normalizeGuaranteeNumber } from '../../guarantee';

/**
 * Whom a clerk calls when a number is locked (API.md §4): the issuer of this organisation's
 * guarantee with that number, and the issuing office of its latest certificate when the issuer
 * sent one (`issuingOffice`: a change certificate may move the guarantee to another office).
 * Only the organisation's own guarantees are looked at, so a number of another organisation (or
 * none) answers null exactly like an unknown one: the lock screen tells no one else's secrets.
 */
export async function lockContact(organizationId: string, guaranteeNumber: string) {
	const number = normalizeGuaranteeNumber(guaranteeNumber);
	if (!number) return null;
	const [row] = await db
		.select({
			issuerName: issuer.name,
			officeName: certificateVersion.issuingOfficeName,
			officePhone: certificateVersion.issuingOfficePhone
		})
		.from(guarantee)
		.innerJoin(issuer, eq(issuer.id, guarantee.issuerId))
		.innerJoin(certificateVersion, eq(certificateVersion.guaranteeId, guarantee.id))
		.where(and(eq(guarantee.organizationId, organizationId), eq(guarantee.guaranteeNumber, number)))
		.orderBy(desc(certificateVersion.version))
		.limit(1);
	if (!row) return null;
	const office = row.officeName
		? { name: row.officeName, ...(row.officePhone ? { phone: row.officePhone } : {}) }
		: null;
	return { issuer: row.issuerName, office };
}

export type LockContact = Awaited<ReturnType<typeof lockContact>>;
