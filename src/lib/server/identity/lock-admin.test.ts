import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { checkSymbol } from '../../auth-key';
import * as certificates from '../certificates/verify';
import { db } from '../db';
import { auditEvent, rateLimit } from '../db/schema';
import {
	makeClerk,
	makeGuarantee,
	makeOrganization,
	makeUser,
	asCaller,
	testContext,
	userCaller
} from '../testing/fixtures';
import type { SessionUser } from './sessions';
import { signIn } from './sign-in';
import { lift, list } from './lock-admin';

/** A key with a valid check symbol that is not the guarantee's: a guess, counted. */
function wrongKey(key: string) {
	const payload = (key[0] === '2' ? '3' : '2') + key.slice(1, 19);
	return payload + checkSymbol(payload);
}

const attempt = (clerk: SessionUser, guaranteeNumber: string, authKey: string) =>
	certificates.verify(asCaller(clerk), { guaranteeNumber, authKey, purpose: 'contract' });

async function town(name = '白子町') {
	const org = await makeOrganization(name);
	const admin = userCaller(await makeUser(org.id, 'admin'), org);
	const clerk = await makeClerk(org, '白子 花子');
	return { org, admin, clerk };
}

const lifts = (organizationId: string) =>
	db
		.select()
		.from(auditEvent)
		.where(
			and(eq(auditEvent.organizationId, organizationId), eq(auditEvent.action, 'rate-limit.lift'))
		);

describe('an admin lifts a lock of their own organisation', () => {
	it('a number locked by five wrong keys: listed, lifted, audited, and the right key works', async () => {
		const { org, admin, clerk } = await town();
		const g = await makeGuarantee({ organizationId: org.id });
		for (let i = 0; i < 5; i++) await attempt(clerk, g.guaranteeNumber, wrongKey(g.canonicalKey));
		expect(await attempt(clerk, g.guaranteeNumber, g.authKey)).toMatchObject({
			ok: false,
			kind: 'locked',
			scope: 'number'
		});

		const before = Date.now();
		const [lock, ...others] = await list(admin);
		expect(others).toEqual([]);
		expect(lock).toMatchObject({
			kind: 'number',
			guaranteeNumber: g.guaranteeNumber,
			count: 5,
			key: `verify:number:${org.id}:${g.guaranteeNumber}`
		});
		// Until the 30-minute window of the first wrong key ends (NUMBER_LIMIT).
		expect(lock.until.getTime()).toBeGreaterThan(before + 29 * 60_000);
		expect(lock.until.getTime()).toBeLessThanOrEqual(Date.now() + 30 * 60_000);

		expect(await lift(admin, lock.key)).toMatchObject({ lifted: { kind: 'number', count: 5 } });
		expect(await list(admin)).toEqual([]);
		expect(await lift(admin, lock.key)).toEqual({ error: 'notLocked' });
		expect(await attempt(clerk, g.guaranteeNumber, g.authKey)).toMatchObject({ ok: true });

		const [event, ...more] = await lifts(org.id);
		expect(more).toEqual([]);
		expect(event).toMatchObject({
			outcome: 'success',
			reason: 'lock-number',
			actorId: admin.user.id,
			guaranteeNumber: g.guaranteeNumber,
			detail: { scope: 'number', attempts: 5 }
		});
	});

	it("another organisation's admin neither sees nor lifts it, however the form is made", async () => {
		const shirako = await town();
		const chosei = await town('長生村');
		const g = await makeGuarantee({ organizationId: shirako.org.id });
		for (let i = 0; i < 5; i++) {
			await attempt(shirako.clerk, g.guaranteeNumber, wrongKey(g.canonicalKey));
		}
		const key = `verify:number:${shirako.org.id}:${g.guaranteeNumber}`;
		expect(await list(chosei.admin)).toEqual([]);
		for (const forged of [
			key,
			`verify:user:${shirako.clerk.id}`,
			`verify:org:${shirako.org.id}`,
			`verify:number:${chosei.org.id}`,
			`login:account:${shirako.org.code}/${shirako.clerk.username}`,
			`login:ip:203.0.113.9`
		]) {
			expect(await lift(chosei.admin, forged)).toEqual({ error: 'foreign' });
		}
		// Still locked for 白子町; the forged lifts are in 長生村's trail as denied, not in 白子町's.
		expect((await list(shirako.admin)).map((lock) => lock.key)).toEqual([key]);
		const [denied] = await lifts(chosei.org.id);
		expect(denied).toMatchObject({ outcome: 'denied', actorId: chosei.admin.user.id });
		expect(await lifts(shirako.org.id)).toEqual([]);
		// Clerks and auditors are not admins.
		const auditor = userCaller(await makeUser(shirako.org.id, 'auditor'), shirako.org);
		expect(await lift(auditor, key)).toEqual({ error: 'forbidden' });
		expect(await lift(asCaller(shirako.clerk), key)).toEqual({ error: 'forbidden' });
		expect((await list(shirako.admin)).map((lock) => lock.key)).toEqual([key]);
	});

	it('a clerk stopped after ten wrong keys is listed by name and can try again once lifted', async () => {
		const { admin, clerk } = await town();
		for (let i = 0; i < 10; i++) await attempt(clerk, `X-${i}`, wrongKey('2'.repeat(20)));
		const [lock] = await list(admin);
		expect(lock).toMatchObject({
			kind: 'user',
			count: 10,
			user: { id: clerk.id, username: clerk.username, displayName: '白子 花子' }
		});
		expect(await attempt(clerk, 'X-10', wrongKey('2'.repeat(20)))).toMatchObject({
			kind: 'locked',
			scope: 'user'
		});
		expect(await lift(admin, lock.key)).toMatchObject({ lifted: { kind: 'user' } });
		expect(await attempt(clerk, 'X-11', wrongKey('2'.repeat(20)))).toMatchObject({
			kind: 'no-match'
		});
	});

	it("lists and lifts a sign-in lock of the organisation's own account", async () => {
		const { org, admin } = await town();
		const user = await makeUser(org.id);
		const context = { ...testContext, ip: '198.51.100.77' };
		const login = (password: string) =>
			signIn({ organizationCode: org.code, username: user.username, password }, context);
		for (let i = 0; i < 5; i++) expect(await login('wrong password!')).toMatchObject({ ok: false });
		expect(await login(user.password)).toMatchObject({ reason: 'throttled' });
		const locks = await list(admin);
		expect(locks).toEqual([
			expect.objectContaining({
				kind: 'account-address',
				address: '198.51.100.77',
				user: expect.objectContaining({ id: user.id })
			})
		]);
		expect(await lift(admin, locks[0].key)).toMatchObject({ lifted: { kind: 'account-address' } });
		expect(await login(user.password)).toMatchObject({ ok: true });
		const [event] = await lifts(org.id);
		expect(event.detail).toMatchObject({ scope: 'account-address', username: user.username });
		// The address's own counter is nobody's to lift.
		const [ipCounter] = await db
			.select()
			.from(rateLimit)
			.where(eq(rateLimit.key, 'login:ip:198.51.100.77'));
		expect(ipCounter.count).toBeGreaterThan(0);
		expect(await lift(admin, ipCounter.key)).toEqual({ error: 'foreign' });
	});

	it("lists a browser's own sign-in lock (device cookie) under its user", async () => {
		const { org, admin } = await town();
		const user = await makeUser(org.id);
		const context = { ...testContext, ip: '198.51.100.78' };
		const login = (password: string, device?: string) =>
			signIn({ organizationCode: org.code, username: user.username, password }, context, device);
		const first = await login(user.password);
		if (!first.ok) throw new Error('the first sign-in must succeed');
		for (let i = 0; i < 5; i++) await login('wrong password!', first.devices);
		expect(await login(user.password, first.devices)).toMatchObject({ reason: 'throttled' });
		const [lock, ...others] = await list(admin);
		expect(others).toEqual([]);
		expect(lock).toMatchObject({ kind: 'device', count: 5, user: { id: user.id } });
		await lift(admin, lock.key);
		expect(await login(user.password, first.devices)).toMatchObject({ ok: true });
	});

	it('of 40 parallel lifts of one lock, one lifts and one event is written', async () => {
		const { org, admin, clerk } = await town();
		const g = await makeGuarantee({ organizationId: org.id });
		for (let i = 0; i < 5; i++) await attempt(clerk, g.guaranteeNumber, wrongKey(g.canonicalKey));
		const [lock] = await list(admin);
		const results = await Promise.all(Array.from({ length: 40 }, () => lift(admin, lock.key)));
		expect(results.filter((r) => 'lifted' in r)).toHaveLength(1);
		expect(results.filter((r) => 'error' in r && r.error === 'notLocked')).toHaveLength(39);
		expect(await lifts(org.id)).toHaveLength(1);
	});
});
