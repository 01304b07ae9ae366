import { and, eq } from 'drizzle-orm';
import { db } from '../db';
import { guarantee, issuer } from '../db/schema';
import { normalizeGuaranteeNumber } from './verify';

/**
 * Whom a clerk calls when a number is locked (API.md §4): the issuer of this organisation's
 * guarantee with that number, and its issuing office when the issuer sent one. Only the
 * organisation's own guarantees are looked at, so a number of another organisation (or none)
 * answers null exactly like an unknown one: the lock screen tells no one else's secrets.
 */
export async function lockContact(organizationId: string, guaranteeNumber: string) {
	const number = normalizeGuaranteeNumber(guaranteeNumber);
	if (!number) return null;
	const [row] = await db
		.select({ issuerName: issuer.name })
		.from(guarantee)
		.innerJoin(issuer, eq(issuer.id, guarantee.issuerId))
		.where(and(eq(guarantee.organizationId, organizationId), eq(guarantee.guaranteeNumber, number)))
		.limit(1);
	if (!row) return null;
	// TODO: the issuing office (name, phone) once guarantees carry `issuingOffice` (API.md §4,
	// the contract-rules work adds it); until then the issuer's name alone.
	return { issuer: row.issuerName, office: null as { name: string; phone?: string } | null };
}

export type LockContact = Awaited<ReturnType<typeof lockContact>>;
