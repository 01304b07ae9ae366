import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import * as issuers from '../issuing/issuers';
import * as organizations from '../identity/organizations';
import * as users from '../identity/users';
import { actingFor, actorOf, type OperatorCaller, type UserCaller } from '../identity/caller';
import type { SessionUser } from '../identity/sessions';
import { checkDigit } from '../../local-government-code';
import { formatAuthKey } from '../../auth-key';
import { localContext } from '../identity/request-context';
import * as authKeys from '../issuing/auth-keys';
import { db } from '../db';
import * as schema from '../db/schema';

/** Test data helpers: every test makes its own tenants, so tests can share a database. */
export const testContext = localContext('test');
/** The operator as tests act: a caller, and how it appears in the trail. */
export const operatorCaller: OperatorCaller = {
	kind: 'operator',
	label: 'test',
	context: testContext
};
export const operator = actorOf(operatorCaller);

/** A signed-in user of `org` as hooks would build the caller (no session: tests need none). */
export function userCaller(
	user: { id: string; username: string; displayName?: string; role: SessionUser['role'] },
	org: { id: string; code: string; name: string }
): UserCaller {
	const sessionUser: SessionUser = {
		id: user.id,
		username: user.username,
		displayName: user.displayName ?? '',
		role: user.role,
		mustChangePassword: false,
		organizationId: org.id,
		organizationCode: org.code,
		organizationName: org.name
	};
	return asCaller(sessionUser);
}

/** The caller hooks would build for `user`'s session. */
export const asCaller = (user: SessionUser): UserCaller => ({
	kind: 'user',
	user,
	sessionId: null,
	context: testContext
});

let counter = 0;

/** A fresh, valid 全国地方公共団体コード not used by any other test in this run. */
export function uniqueOrgCode(): string {
	const base = String(10000 + ((process.pid * 7919 + Date.now() + counter++ * 104729) % 89999));
	return base + checkDigit(base);
}

export async function makeOrganization(name = 'テスト町') {
	for (;;) {
		const code = uniqueOrgCode();
		if (!(await organizations.findByCode(code))) return organizations.add({ code, name });
	}
}

export async function makeUser(
	organizationId: string,
	role: users.Role = 'clerk',
	password = 'correct horse battery'
) {
	const username = `u${crypto.randomUUID().slice(0, 8)}`;
	const { user } = await users.add(actingFor(operatorCaller, organizationId), {
		username,
		role,
		password
	});
	return { ...user, password };
}

type VersionFields = Omit<
	typeof schema.certificateVersion.$inferInsert,
	'id' | 'guaranteeId' | 'version' | 'createdAt'
>;

export interface GuaranteeFixture {
	organizationId: string;
	/** An existing issuer; by default a fresh one is made. */
	issuerId?: string;
	kind?: schema.Guarantee['kind'];
	guaranteeNumber?: string;
	/** Fields of the original certificate that differ from the defaults below. */
	original?: Partial<VersionFields>;
	/** Each change certificate: what changes relative to the version before it. */
	amendments?: (Partial<VersionFields> & { issuedOn: string; amendmentReason: string })[];
	cancelled?: { cancelledOn: string; reason: string };
	/** A known key (20 canonical symbols), for a notice made before the guarantee; else random. */
	canonicalKey?: string;
}

/**
 * A guarantee with its certificate versions, written straight to the tables (not through the
 * issuer API module), for tests and the browser-test seed. Returns the key as printed on the notice.
 */
export async function makeGuarantee(input: GuaranteeFixture) {
	const issuerId =
		input.issuerId ??
		(
			await db
				.insert(schema.issuer)
				.values({ code: `t-${crypto.randomUUID().slice(0, 8)}`, name: 'テスト建設業保証株式会社' })
				.returning({ id: schema.issuer.id })
		)[0].id;
	const kind = input.kind ?? 'advance_payment';
	const guaranteeNumber =
		input.guaranteeNumber ?? `T${Date.now().toString(36).toUpperCase()}-${counter++}`;
	const id = crypto.randomUUID();
	const key = input.canonicalKey
		? { canonical: input.canonicalKey, display: formatAuthKey(input.canonicalKey) }
		: authKeys.generate();
	const advance = kind === 'contract' ? null : 15_400_000;
	let fields: VersionFields = {
		issuedOn: '2026-07-04',
		amendmentReason: null,
		contractorName: '株式会社白子建設',
		contractorAddress: '千葉県長生郡白子町古所1234',
		contractorRepresentative: '代表取締役 白子 太郎',
		ordererName: '白子町長 山田 一郎',
		worksName: '令和8年度 町道1-23号線舗装修繕工事',
		worksLocation: '白子町古所地内',
		contractAmount: 38_500_000,
		worksStartOn: '2026-07-01',
		worksEndOn: '2027-02-26',
		guaranteeAmount: advance ?? 3_850_000,
		advancePaymentAmount: advance,
		guaranteeStartOn: '2026-07-04',
		guaranteeEndOn: '2099-02-26',
		rawSubmission: '{}',
		rawContentType: 'application/json',
		signatureKid: null,
		...input.original
	};
	await db.transaction(async (tx) => {
		await tx.insert(schema.guarantee).values({
			id,
			issuerId,
			guaranteeNumber,
			kind,
			organizationId: input.organizationId,
			authKeyHash: authKeys.hash(id, key.canonical),
			status: input.cancelled ? 'cancelled' : 'valid',
			cancelledOn: input.cancelled?.cancelledOn ?? null,
			cancellationReason: input.cancelled?.reason ?? null
		});
		const versions = [fields];
		for (const change of input.amendments ?? []) {
			fields = { ...fields, ...change };
			versions.push(fields);
		}
		await tx
			.insert(schema.certificateVersion)
			.values(versions.map((v, i) => ({ ...v, guaranteeId: id, version: i + 1 })));
	});
	return { id, issuerId, guaranteeNumber, authKey: key.display, canonicalKey: key.canonical };
}

/** A signed-in clerk of `org` as the domain functions receive one (no session needed). */
export async function makeClerk(
	org: { id: string; code: string; name: string },
	displayName = ''
): Promise<SessionUser> {
	const { user } = await users.add(actingFor(operatorCaller, org.id), {
		username: `c${crypto.randomUUID().slice(0, 8)}`,
		displayName,
		role: 'clerk',
		password: 'correct horse battery'
	});
	return {
		id: user.id,
		username: user.username,
		displayName: user.displayName,
		role: 'clerk',
		mustChangePassword: false,
		organizationId: org.id,
		organizationCode: org.code,
		organizationName: org.name
	};
}

/** A fresh issuer with an Ed25519 key `k1` registered, and `sign` making a compact JWS with it. */
export async function makeSigningIssuer(name: string, requireSignature = false) {
	const issuer = await issuers.add({
		code: `t${crypto.randomUUID().slice(0, 8)}`,
		name,
		requireSignature
	});
	const { publicKey, privateKey } = await generateKeyPair('EdDSA', { extractable: true });
	await issuers.addKey(issuer.id, 'k1', await exportJWK(publicKey));
	const sign = (payload: unknown) =>
		new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
			.setProtectedHeader({ alg: 'EdDSA', kid: 'k1' })
			.sign(privateKey);
	return { issuer, sign };
}
