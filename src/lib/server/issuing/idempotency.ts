import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { db } from '../db';
import { idempotencyKey } from '../db/schema';

/**
 * `Idempotency-Key` (shared/API.md §1), kept in the database so every app instance sees it.
 * The first request inserts the key with no response (in flight); concurrent retries find the
 * row and answer 409; once the first completes, retries with the same body replay its answer.
 * A key whose first request died without an answer is taken over after STALE_SECONDS.
 */
const STALE_SECONDS = 60;

export type Claim =
	| { state: 'new' }
	| { state: 'replay'; status: number; body: string }
	| { state: 'mismatch' }
	| { state: 'in-flight' };

export function fingerprint(request: string, contentType: string, body: Uint8Array) {
	return createHash('sha256').update(`${request}\n${contentType}\n`).update(body).digest('hex');
}

export function isValidKey(key: string): boolean {
	return key.length > 0 && key.length <= 255 && /^[\x21-\x7e]+$/.test(key);
}

export async function claim(issuerId: string, key: string, print: string): Promise<Claim> {
	const [inserted] = await db
		.insert(idempotencyKey)
		.values({ issuerId, key, fingerprint: print })
		.onConflictDoNothing()
		.returning({ key: idempotencyKey.key });
	if (inserted) return { state: 'new' };
	const [row] = await db
		.select()
		.from(idempotencyKey)
		.where(and(eq(idempotencyKey.issuerId, issuerId), eq(idempotencyKey.key, key)));
	// Deleted between our insert and select (an abandoned attempt): the caller may retry.
	if (!row) return { state: 'in-flight' };
	if (row.fingerprint !== print) return { state: 'mismatch' };
	if (row.responseStatus !== null) {
		return { state: 'replay', status: row.responseStatus, body: row.responseBody ?? '' };
	}
	const [taken] = await db
		.update(idempotencyKey)
		.set({ createdAt: sql`now()` })
		.where(
			and(
				eq(idempotencyKey.issuerId, issuerId),
				eq(idempotencyKey.key, key),
				isNull(idempotencyKey.responseStatus),
				sql`${idempotencyKey.createdAt} < now() - make_interval(secs => ${STALE_SECONDS})`
			)
		)
		.returning({ key: idempotencyKey.key });
	return taken ? { state: 'new' } : { state: 'in-flight' };
}

/**
 * A replayed 201 carries the auth key, which must not lie in the database in clear: the stored
 * answer is sealed (AES-256-GCM) with a key derived from the caller's token secret.
 */
function seal(plain: string, replayKey: Uint8Array): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', replayKey, iv);
	const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
	return `v1.${iv.toString('base64url')}.${sealed.toString('base64url')}`;
}

export function open(stored: string, replayKey: Uint8Array): string {
	const [version, iv, sealed] = stored.split('.');
	if (version !== 'v1') throw new Error('unknown idempotency seal');
	const bytes = Buffer.from(sealed, 'base64url');
	const decipher = createDecipheriv('aes-256-gcm', replayKey, Buffer.from(iv, 'base64url'));
	decipher.setAuthTag(bytes.subarray(-16));
	return Buffer.concat([decipher.update(bytes.subarray(0, -16)), decipher.final()]).toString(
		'utf8'
	);
}

export async function complete(
	issuerId: string,
	key: string,
	status: number,
	body: string,
	replayKey: Uint8Array
) {
	await db
		.update(idempotencyKey)
		.set({ responseStatus: status, responseBody: seal(body, replayKey) })
		.where(and(eq(idempotencyKey.issuerId, issuerId), eq(idempotencyKey.key, key)));
}

/** The first request failed on our side (5xx): forget it so that a retry runs anew. */
export async function release(issuerId: string, key: string) {
	await db
		.delete(idempotencyKey)
		.where(
			and(
				eq(idempotencyKey.issuerId, issuerId),
				eq(idempotencyKey.key, key),
				isNull(idempotencyKey.responseStatus)
			)
		);
}
