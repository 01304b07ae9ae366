import type { Cookies } from '@sveltejs/kit';
import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { db, prepared } from '../db';
import { appUser, organization, session } from '../db/schema';
import { cookieName } from './cookie-names';

/**
 * Sessions in the Lucia guide's design: the token is `<id>.<secret>`, only SHA-256(secret) is
 * stored, lookups are by id and the secret is compared in constant time. Sessions slide while
 * used (IDLE) but never outlive ABSOLUTE.
 */
const IDLE_MS = Number(process.env.SESSION_IDLE_MINUTES ?? 60) * 60_000;
const ABSOLUTE_MS = Number(process.env.SESSION_MAX_HOURS ?? 12) * 3_600_000;

const SESSION_COOKIE = 'kensho_session';
/** `__Host-kensho_session` behind an https ORIGIN, `kensho_session` on plain-http localhost. */
export const sessionCookieName = (url: URL) => cookieName(SESSION_COOKIE, url);

export interface SessionUser {
	id: string;
	username: string;
	displayName: string;
	role: 'clerk' | 'admin' | 'auditor';
	mustChangePassword: boolean;
	organizationId: string;
	organizationCode: string;
	organizationName: string;
}

export interface ValidSession {
	id: string;
	expiresAt: Date;
	/** The expiry slid on this request: the browser's cookie needs the new one. */
	extended: boolean;
}

function randomString(bytes: number): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** Node's own SHA-256 (OpenSSL, as issuers.ts uses): cheaper per request than a JavaScript one. */
function hashSecret(secret: string): Uint8Array {
	return new Uint8Array(createHash('sha256').update(secret).digest());
}

export async function createSession(userId: string): Promise<{ token: string; expiresAt: Date }> {
	const id = randomString(16);
	const secret = randomString(20);
	const now = Date.now();
	const expiresAt = new Date(now + IDLE_MS);
	await db.insert(session).values({
		id,
		secretHash: hashSecret(secret),
		userId,
		expiresAt,
		absoluteExpiresAt: new Date(now + ABSOLUTE_MS)
	});
	return { token: `${id}.${secret}`, expiresAt };
}

/** Every signed-in request runs this one: built once (db/index.ts `prepared`). */
const sessionLookup = () =>
	prepared('session_lookup', (db) =>
		db
			.select({
				session,
				user: {
					id: appUser.id,
					username: appUser.username,
					displayName: appUser.displayName,
					role: appUser.role,
					mustChangePassword: appUser.mustChangePassword,
					organizationId: organization.id,
					organizationCode: organization.code,
					organizationName: organization.name
				}
			})
			.from(session)
			.innerJoin(appUser, eq(appUser.id, session.userId))
			.innerJoin(organization, eq(organization.id, appUser.organizationId))
			.where(
				and(
					eq(session.id, sql.placeholder('id')),
					gt(session.expiresAt, sql`${sql.placeholder('now')}::timestamptz`),
					gt(session.absoluteExpiresAt, sql`${sql.placeholder('now')}::timestamptz`),
					isNull(appUser.disabledAt)
				)
			)
			.prepare('session_lookup')
	);

export async function validateSessionToken(
	token: string
): Promise<{ session: ValidSession; user: SessionUser } | null> {
	const [id, secret, extra] = token.split('.');
	if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 64) return null;
	const now = new Date();
	const [row] = await sessionLookup().execute({ id, now: now.toISOString() });
	if (!row || !constantTimeEqual(row.session.secretHash, hashSecret(secret))) return null;

	const expiresAt = row.session.expiresAt;
	// Slide the expiry at most once a minute, so a busy clerk does not write on every request.
	if (expiresAt.getTime() - now.getTime() < IDLE_MS - 60_000) {
		const absolute = row.session.absoluteExpiresAt.getTime();
		const extended = new Date(Math.min(now.getTime() + IDLE_MS, absolute));
		await db.update(session).set({ expiresAt: extended }).where(eq(session.id, id));
		return { session: { id, expiresAt: extended, extended: true }, user: row.user };
	}
	return { session: { id, expiresAt, extended: false }, user: row.user };
}

export async function invalidateSession(sessionId: string): Promise<void> {
	await db.delete(session).where(eq(session.id, sessionId));
}

export async function invalidateUserSessions(
	userId: string,
	exceptSessionId?: string
): Promise<void> {
	const others = exceptSessionId ? ne(session.id, exceptSessionId) : undefined;
	await db.delete(session).where(and(eq(session.userId, userId), others));
}

export function setSessionTokenCookie(
	event: { cookies: Cookies; url: URL },
	token: string,
	expiresAt: Date
): void {
	event.cookies.set(sessionCookieName(event.url), token, {
		httpOnly: true,
		sameSite: 'lax',
		// Plain http only makes sense on a developer's own machine; anywhere else it is https.
		secure: event.url.protocol === 'https:',
		path: '/',
		expires: expiresAt
	});
}

export function deleteSessionTokenCookie(event: { cookies: Cookies; url: URL }): void {
	event.cookies.delete(sessionCookieName(event.url), {
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		path: '/'
	});
}
