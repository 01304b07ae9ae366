import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { issuerToken } from '../db/schema';
import * as issuers from './issuers';

async function issuerWithToken() {
	const issuer = await issuers.add({
		code: `it${crypto.randomUUID().slice(0, 8)}`,
		name: '東日本建設業保証'
	});
	const { token, prefix } = await issuers.createToken(issuer.id);
	const lastUsed = async () =>
		(await db.select().from(issuerToken).where(eq(issuerToken.prefix, prefix)))[0].lastUsedAt;
	return { issuer, token, prefix, lastUsed };
}

describe('issuer tokens', () => {
	it('authenticate the issuer they were made for, and nothing altered', async () => {
		const { issuer, token } = await issuerWithToken();
		expect((await issuers.authenticate(`Bearer ${token}`))?.issuer.id).toBe(issuer.id);
		const altered = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
		expect(await issuers.authenticate(`Bearer ${altered}`)).toBeNull();
		expect(await issuers.authenticate(token)).toBeNull();
		expect(await issuers.authenticate(null)).toBeNull();
	});

	it('record when they were last used, at most once a minute', async () => {
		const { token, prefix, lastUsed } = await issuerWithToken();
		expect(await lastUsed()).toBeNull();
		await issuers.authenticate(`Bearer ${token}`);
		const first = await lastUsed();
		expect(first).toBeInstanceOf(Date);
		await issuers.authenticate(`Bearer ${token}`);
		expect(await lastUsed()).toEqual(first);
		// A minute later, the next use is recorded.
		const earlier = new Date(Date.now() - 61_000);
		await db.update(issuerToken).set({ lastUsedAt: earlier }).where(eq(issuerToken.prefix, prefix));
		await issuers.authenticate(`Bearer ${token}`);
		expect((await lastUsed())!.getTime()).toBeGreaterThan(earlier.getTime() + 60_000);
	});

	it('stop working once revoked', async () => {
		const { issuer, token, prefix } = await issuerWithToken();
		expect(await issuers.revokeToken(issuer.id, prefix)).toMatchObject({ revoked: 1 });
		expect(await issuers.authenticate(`Bearer ${token}`)).toBeNull();
	});
});
