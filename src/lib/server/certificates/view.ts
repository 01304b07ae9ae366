import { and, asc, desc, eq, sql } from 'drizzle-orm';
import * as audit from '../audit/append';
import { prepared } from '../db';
import {
	appUser,
	auditEvent,
	certificateVersion,
	guarantee,
	issuer,
	type CertificateVersion
} from '../db/schema';
import { isUuid, statusOf } from './reads';
import { detailsOf } from './details';
import { recordedAs, type UserCaller } from '../identity/caller';
import * as signedChanges from '../issuing/signed-changes';

/** The values a change certificate can change, in the order the certificate page shows them. */
export const FIELDS = [
	['contractorName', 'text'],
	['contractorAddress', 'text'],
	['contractorRepresentative', 'text'],
	['ordererName', 'text'],
	['worksName', 'text'],
	['worksLocation', 'text'],
	['contractAmount', 'yen'],
	['worksStartOn', 'date'],
	['worksEndOn', 'date'],
	['guaranteeAmount', 'yen'],
	['advancePaymentAmount', 'yen'],
	['guaranteeStartOn', 'date'],
	['guaranteeEndOn', 'date']
] as const satisfies readonly (readonly [keyof CertificateVersion, 'text' | 'yen' | 'date'])[];
export type Field = (typeof FIELDS)[number][0];

function changes(before: CertificateVersion, after: CertificateVersion) {
	return FIELDS.filter(([field]) => before[field] !== after[field]).map(([field, type]) => ({
		field,
		type,
		from: before[field],
		to: after[field]
	}));
}

const values = (v: CertificateVersion) =>
	Object.fromEntries(FIELDS.map(([field]) => [field, v[field]])) as {
		[F in Field]: CertificateVersion[F];
	};

/**
 * The three reads of a certificate page, built once (db/index.ts `prepared`): they run on every
 * view. The past views are the organisation's last 50 of the guarantee, with who made them; the
 * 50 are taken first (an index range, newest first) and only then joined to the users: joined
 * before, every view the guarantee ever had was read and sorted, and a much-viewed certificate
 * got slower each day.
 */
const guaranteeId = sql.placeholder('guaranteeId');
const pageReads = () =>
	prepared('certificate_page', (db) => {
		const recent = db
			.select({
				id: auditEvent.id,
				at: auditEvent.at,
				purpose: auditEvent.purpose,
				label: auditEvent.actorLabel,
				actorId: auditEvent.actorId
			})
			.from(auditEvent)
			.where(
				and(
					eq(auditEvent.organizationId, sql.placeholder('organizationId')),
					eq(auditEvent.guaranteeId, guaranteeId),
					eq(auditEvent.action, 'certificate.view'),
					eq(auditEvent.outcome, 'success')
				)
			)
			.orderBy(desc(auditEvent.at), desc(auditEvent.id))
			.limit(50)
			.as('recent');
		return {
			guarantee: db
				.select({ guarantee, issuerName: issuer.name, issuerCode: issuer.code })
				.from(guarantee)
				.innerJoin(issuer, eq(issuer.id, guarantee.issuerId))
				.where(eq(guarantee.id, guaranteeId))
				.prepare('certificate_page_guarantee'),
			versions: db
				.select()
				.from(certificateVersion)
				.where(eq(certificateVersion.guaranteeId, guaranteeId))
				.orderBy(asc(certificateVersion.version))
				.prepare('certificate_page_versions'),
			pastViews: db
				.select({
					at: recent.at,
					purpose: recent.purpose,
					label: recent.label,
					displayName: appUser.displayName,
					username: appUser.username
				})
				.from(recent)
				.leftJoin(appUser, sql`${appUser.id}::text = ${recent.actorId}`)
				.orderBy(desc(recent.at), desc(recent.id))
				.prepare('certificate_page_past_views')
		};
	});

export interface ViewInput {
	id: string;
	purpose?: string | null;
}

/**
 * The one way to read a certificate for display. Only the organisation it is addressed to sees
 * it, and only once someone there has presented the key; anyone else gets null (a 404, as if it
 * did not exist), recorded as denied. The `certificate.view` event is written before anything is
 * returned: if it cannot be written, the call fails and nothing is shown (fail closed).
 */
export async function view(caller: UserCaller, { id, purpose = null }: ViewInput) {
	const { user } = caller;
	const event = {
		action: 'certificate.view',
		...recordedAs(caller),
		organizationId: user.organizationId,
		purpose
	};
	// The id is in the URL, so the three reads go out at once rather than one after another;
	// nothing read is returned unless the guarantee turns out to be this organisation's.
	const reads = pageReads();
	const [rows, versions, pastViews] = isUuid(id)
		? await Promise.all([
				reads.guarantee.execute({ guaranteeId: id }),
				reads.versions.execute({ guaranteeId: id }),
				reads.pastViews.execute({ guaranteeId: id, organizationId: user.organizationId })
			])
		: [[], [], []];
	const row = rows[0];
	const g = row?.guarantee;
	if (!g || g.organizationId !== user.organizationId || !g.firstVerifiedAt) {
		const reason = !g
			? 'not-found'
			: g.organizationId !== user.organizationId
				? 'other-organization'
				: 'not-presented';
		await audit.record({ ...event, outcome: 'denied', reason, detail: { id: id.slice(0, 64) } });
		return null;
	}
	const latest = versions.at(-1)!;
	const recorded = await audit.record({
		...event,
		outcome: 'success',
		guaranteeId: g.id,
		guaranteeNumber: g.guaranteeNumber,
		detail: { version: latest.version }
	});
	return {
		id: g.id,
		guaranteeNumber: g.guaranteeNumber,
		kind: g.kind,
		status: statusOf(g, latest),
		cancelledOn: g.cancelledOn,
		cancellationReason: g.cancellationReason,
		firstVerifiedAt: g.firstVerifiedAt.toISOString(),
		issuer: { name: row.issuerName, code: row.issuerCode },
		current: values(latest),
		details: detailsOf(latest),
		version: latest.version,
		issuedOn: versions[0].issuedOn,
		signatureKid: latest.signatureKid,
		// A cancellation is a signed change like an amendment: shown as signed only if it was.
		cancellationSignatureKid:
			g.status === 'cancelled' ? await signedChanges.cancellationKid(g.id) : null,
		history: versions.map((v, i) => ({
			version: v.version,
			issuedOn: v.issuedOn,
			amendmentReason: v.amendmentReason,
			signatureKid: v.signatureKid,
			changes: i === 0 ? [] : changes(versions[i - 1], v)
		})),
		pastViews: pastViews.map((p) => ({
			at: new Date(p.at).toISOString(),
			clerk: p.displayName || p.username || p.label || '',
			purpose: p.purpose
		})),
		viewedAt: new Date(recorded.at).toISOString(),
		viewedBy: user.displayName || user.username,
		purpose
	};
}

export type CertificateView = NonNullable<Awaited<ReturnType<typeof view>>>;
