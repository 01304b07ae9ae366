import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, like, sql } from 'drizzle-orm';
import { z } from 'zod';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { db, prepared } from '../db';
import { oneLine } from '../common/text';
import { issuer, issuerKey, issuerToken, type Issuer, type IssuerKey } from '../db/schema';
import { ISSUER_TYPES } from './issuer-types';

/**
 * Issuers (保証事業会社), their API tokens and their signing keys. A token is
 * `kensho_<id>_<secret>`: the id part is public (stored as `prefix`, shown in logs and audit
 * events), the secret carries 160 random bits and only its SHA-256 is stored.
 */
export const TOKEN_PATTERN = /^(kensho_[a-z2-7]{16})_([a-z2-7]{32})$/;

export const issuerInput = z.strictObject({
	code: z
		.string()
		.trim()
		.regex(/^[a-z][a-z0-9-]{1,31}$/, 'lower-case letters, digits and hyphens'),
	name: oneLine(100),
	type: z.enum(ISSUER_TYPES).default('surety'),
	requireSignature: z.boolean().default(false)
});

export class DuplicateIssuerError extends Error {}

export async function add(input: z.input<typeof issuerInput>): Promise<Issuer> {
	const values = issuerInput.parse(input);
	const [row] = await db.insert(issuer).values(values).onConflictDoNothing().returning();
	if (!row) throw new DuplicateIssuerError(`issuer ${values.code} already exists`);
	return row;
}

export async function findByCode(code: string): Promise<Issuer | null> {
	const [row] = await db.select().from(issuer).where(eq(issuer.code, code));
	return row ?? null;
}

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest();
const random = (bytes: number) =>
	encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));

/** Returns the whole token once; afterwards only its prefix is known. */
export async function createToken(issuerId: string): Promise<{ token: string; prefix: string }> {
	const prefix = `kensho_${random(10)}`;
	const secret = random(20);
	await db.insert(issuerToken).values({ issuerId, prefix, secretHash: hashSecret(secret) });
	return { token: `${prefix}_${secret}`, prefix };
}

/** Revokes the issuer's one live token whose prefix starts with `start`. */
export async function revokeToken(
	issuerId: string,
	start: string
): Promise<{ revoked: number; prefix?: string }> {
	if (!/^[a-z0-9_]{6,}$/.test(start)) return { revoked: 0 };
	const where = and(
		eq(issuerToken.issuerId, issuerId),
		like(issuerToken.prefix, `${start}%`),
		isNull(issuerToken.revokedAt)
	);
	const candidates = await db
		.select({ id: issuerToken.id, prefix: issuerToken.prefix })
		.from(issuerToken)
		.where(where);
	if (candidates.length !== 1) return { revoked: candidates.length === 0 ? 0 : -candidates.length };
	await db
		.update(issuerToken)
		.set({ revokedAt: sql`now()` })
		.where(eq(issuerToken.id, candidates[0].id));
	return { revoked: 1, prefix: candidates[0].prefix };
}

export interface Authenticated {
	issuer: Issuer;
	tokenId: string;
	tokenPrefix: string;
	/** Derived from the token's secret, which is never stored: seals idempotent replays. */
	replayKey: Uint8Array;
}

/** Every API request runs this one: built once (db/index.ts `prepared`). */
const tokenLookup = () =>
	prepared('issuer_token_lookup', (db) =>
		db
			.select({ token: issuerToken, issuer })
			.from(issuerToken)
			.innerJoin(issuer, eq(issuer.id, issuerToken.issuerId))
			.where(eq(issuerToken.prefix, sql.placeholder('prefix')))
			.prepare('issuer_token_lookup')
	);

/** `Authorization: Bearer <token>` → the issuer, or null for a missing, unknown or revoked token. */
export async function authenticate(authorization: string | null): Promise<Authenticated | null> {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
	const parts = match && TOKEN_PATTERN.exec(match[1]);
	if (!parts) return null;
	const [row] = await tokenLookup().execute({ prefix: parts[1] });
	if (!row || row.token.revokedAt) return null;
	const candidate = hashSecret(parts[2]);
	const stored = row.token.secretHash;
	if (stored.length !== candidate.length || !timingSafeEqual(stored, candidate)) return null;
	// One write a minute at most per token, not one per request (nor a statement sent for nothing).
	const lastUsed = row.token.lastUsedAt?.getTime() ?? 0;
	if (Date.now() - lastUsed >= 60_000) {
		await db
			.update(issuerToken)
			.set({ lastUsedAt: sql`now()` })
			.where(
				and(
					eq(issuerToken.id, row.token.id),
					sql`(${issuerToken.lastUsedAt} is null or ${issuerToken.lastUsedAt} < now() - interval '1 minute')`
				)
			);
	}
	const replayKey = createHmac('sha256', parts[2]).update('kensho/idempotency-replay/v1').digest();
	return { issuer: row.issuer, tokenId: row.token.id, tokenPrefix: row.token.prefix, replayKey };
}

/** An Ed25519 public key as JWK: exactly what `signatures.ts` accepts. */
export const publicJwk = z.looseObject({
	kty: z.literal('OKP'),
	crv: z.literal('Ed25519'),
	x: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'base64url of 32 bytes')
});

export class DuplicateKeyError extends Error {}

export async function addKey(issuerId: string, kid: string, jwk: unknown): Promise<IssuerKey> {
	if (!/^[A-Za-z0-9._-]{1,64}$/.test(kid)) throw new Error('kid must be 1–64 of A-Z a-z 0-9 . _ -');
	const parsed = publicJwk.safeParse(jwk);
	if (!parsed.success) throw new Error('not an Ed25519 public JWK (kty OKP, crv Ed25519, x)');
	if ('d' in parsed.data) throw new Error('this is a private key: register the public JWK only');
	const { kty, crv, x } = parsed.data;
	const [row] = await db
		.insert(issuerKey)
		.values({ issuerId, kid, publicJwk: { kty, crv, x } })
		.onConflictDoNothing()
		.returning();
	if (!row) throw new DuplicateKeyError(`kid ${kid} is already registered for this issuer`);
	return row;
}

export async function findKey(issuerId: string, kid: string): Promise<IssuerKey | null> {
	const [row] = await db
		.select()
		.from(issuerKey)
		.where(
			and(eq(issuerKey.issuerId, issuerId), eq(issuerKey.kid, kid), isNull(issuerKey.revokedAt))
		);
	return row ?? null;
}
