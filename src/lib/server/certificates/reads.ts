import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { parseAuthKey } from '../../auth-key';
import * as authKeys from '../issuing/auth-keys';
import { viewsOf } from '../audit/search';
import { db, type Executor } from '../db';
import {
	certificateVersion,
	guarantee,
	organization,
	type CertificateVersion,
	type Guarantee
} from '../db/schema';

/** What an issuer may read back about its own guarantees: never a key or a hash. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string) => UUID.test(id);

export async function latestVersion(
	guaranteeId: string,
	executor: Executor = db
): Promise<CertificateVersion | null> {
	const [row] = await executor
		.select()
		.from(certificateVersion)
		.where(eq(certificateVersion.guaranteeId, guaranteeId))
		.orderBy(desc(certificateVersion.version))
		.limit(1);
	return row ?? null;
}

/** The latest certificate of each of `guaranteeIds`, in one query (lists and reviews). */
export async function latestVersions(
	guaranteeIds: string[],
	executor: Executor = db
): Promise<Map<string, CertificateVersion>> {
	if (!guaranteeIds.length) return new Map();
	const rows = await executor
		.selectDistinctOn([certificateVersion.guaranteeId])
		.from(certificateVersion)
		.where(inArray(certificateVersion.guaranteeId, guaranteeIds))
		.orderBy(certificateVersion.guaranteeId, desc(certificateVersion.version));
	return new Map(rows.map((row) => [row.guaranteeId, row]));
}

async function own(issuerId: string, id: string) {
	if (!isUuid(id)) return null;
	const [row] = await db
		.select({ guarantee, ordererCode: organization.code })
		.from(guarantee)
		.innerJoin(organization, eq(organization.id, guarantee.organizationId))
		.where(and(eq(guarantee.id, id), eq(guarantee.issuerId, issuerId)));
	return row ?? null;
}

/** 有効 / 解約 / 期限切れ: expiry is computed at read time from the latest 保証期限 (JST). */
export function statusOf(
	row: Guarantee,
	latest: CertificateVersion | null,
	today = todayInJapan()
) {
	if (row.status === 'cancelled') return 'cancelled' as const;
	if (latest && latest.guaranteeEndOn < today) return 'expired' as const;
	return 'valid' as const;
}

export function todayInJapan(): string {
	return new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
}

/** The optional fields of API.md §4 that were sent (null ones are left out, as they came in). */
const given = (fields: Record<string, unknown>) =>
	Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null));

export function present(version: CertificateVersion) {
	return {
		version: version.version,
		issuedOn: version.issuedOn,
		amendmentReason: version.amendmentReason,
		signed: version.signatureKid !== null,
		signatureKid: version.signatureKid,
		orderer: { name: version.ordererName },
		contractor: {
			name: version.contractorName,
			address: version.contractorAddress,
			representative: version.contractorRepresentative,
			...given({ members: version.contractorMembers })
		},
		works: {
			name: version.worksName,
			location: version.worksLocation,
			contractAmount: version.contractAmount,
			startOn: version.worksStartOn,
			endOn: version.worksEndOn,
			...given({
				category: version.worksCategory,
				contractedOn: version.contractedOn,
				fiscalYear: version.fiscalYear,
				fiscalYearAmount: version.fiscalYearAmount
			})
		},
		...(version.issuingOfficeName
			? {
					issuingOffice: {
						name: version.issuingOfficeName,
						...given({ phone: version.issuingOfficePhone })
					}
				}
			: {}),
		guarantee: {
			amount: version.guaranteeAmount,
			...(version.advancePaymentAmount !== null
				? { advancePaymentAmount: version.advancePaymentAmount }
				: {}),
			startOn: version.guaranteeStartOn,
			endOn: version.guaranteeEndOn
		},
		receivedAt: version.createdAt.toISOString()
	};
}

/** The optional fields of API.md §4 that were sent (null ones are left out, as they came in). */
present.given = (fields: Record<string, unknown>) =>
	Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null));

export async function get(issuerId: string, id: string) {
	const found = await own(issuerId, id);
	if (!found) return null;
	const versions = await db
		.select()
		.from(certificateVersion)
		.where(eq(certificateVersion.guaranteeId, found.guarantee.id))
		.orderBy(asc(certificateVersion.version));
	const g = found.guarantee;
	const latest = versions.at(-1) ?? null;
	return {
		id: g.id,
		guaranteeNumber: g.guaranteeNumber,
		kind: g.kind,
		orderer: { code: found.ordererCode },
		status: statusOf(g, latest),
		signed: latest?.signatureKid != null,
		version: latest?.version ?? 0,
		cancelledOn: g.cancelledOn,
		cancellationReason: g.cancellationReason,
		authKeyIssuedAt: g.authKeyIssuedAt.toISOString(),
		createdAt: g.createdAt.toISOString(),
		versions: versions.map(present)
	};
}

/** 閲覧状況: when and by which organisation (never which clerk) the certificate was viewed. */
export async function views(issuerId: string, id: string) {
	const found = await own(issuerId, id);
	if (!found) return null;
	const rows = await viewsOf(found.guarantee.id);
	return {
		views: rows.map((row) => ({
			at: new Date(row.at).toISOString(),
			organization: row.organizationCode,
			purpose: row.purpose
		}))
	};
}

/** For the notice: the issuer's guarantee with this number, if `authKey` is its current key. */
export async function withKey(issuerId: string, guaranteeNumber: string, authKey: string) {
	const parsed = parseAuthKey(authKey);
	if (!parsed.ok) return { error: 'key' as const, reason: parsed.error };
	const [row] = await db
		.select({ guarantee, ordererCode: organization.code })
		.from(guarantee)
		.innerJoin(organization, eq(organization.id, guarantee.organizationId))
		.where(and(eq(guarantee.issuerId, issuerId), eq(guarantee.guaranteeNumber, guaranteeNumber)));
	if (!row) return { error: 'not-found' as const };
	if (!authKeys.matches(row.guarantee.authKeyHash, row.guarantee.id, parsed.key)) {
		return { error: 'key' as const, reason: 'mismatch' };
	}
	const latest = (await latestVersion(row.guarantee.id))!;
	return { guarantee: row.guarantee, ordererCode: row.ordererCode, latest, key: parsed.key };
}

export async function findIdByNumber(issuerId: string, guaranteeNumber: string) {
	const [row] = await db
		.select({ id: guarantee.id })
		.from(guarantee)
		.where(and(eq(guarantee.issuerId, issuerId), eq(guarantee.guaranteeNumber, guaranteeNumber)));
	return row?.id ?? null;
}
