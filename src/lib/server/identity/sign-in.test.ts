import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '../db';
import { auditEvent, signInFailure } from '../db/schema';
import { makeOrganization, makeUser, testContext } from '../testing/fixtures';
import * as devices from './device-cookies';
import * as failures from './sign-in-failures';
import { ACCOUNT_ADDRESS_LIMIT, ACCOUNT_LIMIT, DEVICE_LIMIT, signIn } from './sign-in';

let address = 0;
/** A request from its own address (TEST-NET-3), so tests never share an address's counter. */
const from = (ip = `203.0.113.${++address % 250}:${crypto.randomUUID().slice(0, 4)}`) => ({
	...testContext,
	ip,
	userAgent: 'Mozilla/5.0 ' + 'x'.repeat(500)
});

async function account() {
	const org = await makeOrganization('白子町');
	const user = await makeUser(org.id);
	const login = (password: string, context = from(), device?: string) =>
		signIn({ organizationCode: org.code, username: user.username, password }, context, device);
	return { org, user, login, label: `${org.code}/${user.username}` };
}

const tallies = (label: string) =>
	db.select().from(signInFailure).where(eq(signInFailure.label, label));
const trail = (organizationId: string) =>
	db
		.select()
		.from(auditEvent)
		.where(
			and(eq(auditEvent.organizationId, organizationId), eq(auditEvent.action, 'auth.sign-in'))
		);

describe('sign-in limits (issue 12)', () => {
	it('checks at most the limit of 30 parallel wrong passwords', async () => {
		const { login, label } = await account();
		const context = from();
		const results = await Promise.all(Array.from({ length: 30 }, () => login('wrong!', context)));
		expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(
			ACCOUNT_ADDRESS_LIMIT.max
		);
		// A password is compared only after a place was reserved: 5 compared, 25 refused unseen.
		const counts = Object.fromEntries((await tallies(label)).map((t) => [t.reason, t.count]));
		expect(counts).toEqual({
			'wrong-password': ACCOUNT_ADDRESS_LIMIT.max,
			'account-throttled': 30 - ACCOUNT_ADDRESS_LIMIT.max
		});
	});

	it('does not let outsiders lock out a browser that signed in before (device cookie)', async () => {
		const { user, login } = await account();
		const first = await login(user.password);
		expect(first.ok).toBe(true);
		const cookie = first.ok ? first.devices : '';
		// Outsiders from many addresses spend the account's whole budget for unknown browsers.
		for (let i = 0; i < ACCOUNT_LIMIT.max; i++) await login('guess ' + i);
		const outsider = await login(user.password);
		expect(outsider).toMatchObject({ ok: false, reason: 'throttled' });
		// The clerk's own browser still signs in, and its own typos do not touch the account's count.
		expect(await login(user.password, from(), cookie)).toMatchObject({ ok: true });
		for (let i = 0; i < DEVICE_LIMIT.max - 1; i++) {
			expect(await login('typo', from(), cookie)).toEqual({ ok: false, reason: 'invalid' });
		}
		expect(await login(user.password, from(), cookie)).toMatchObject({ ok: true });
	});

	it('locks a browser with a device cookie on its own budget, not the account', async () => {
		const { user, login } = await account();
		const signedIn = await login(user.password);
		const cookie = signedIn.ok ? signedIn.devices : '';
		for (let i = 0; i < DEVICE_LIMIT.max; i++) await login('stolen laptop guess', from(), cookie);
		expect(await login(user.password, from(), cookie)).toMatchObject({ reason: 'throttled' });
		// Another browser of the clerk (no device cookie, another address) is not locked by it.
		expect(await login(user.password, from())).toMatchObject({ ok: true });
	});

	it('ignores a device cookie that is forged, expired or for another account', async () => {
		const { org, user, login } = await account();
		const other = await makeUser(org.id);
		const forOther = await devices.issue(undefined, other.id);
		const [, issued, nonce] = forOther.split('.');
		const forged = `${user.id}.${issued}.${nonce}.${'A'.repeat(43)}`;
		const old = Math.floor(Date.now() / 1000 - devices.DEVICE_MAX_AGE_SECONDS - 60).toString(36);
		expect(await devices.recognise(forOther, user.id)).toBeNull();
		expect(await devices.recognise(forged, user.id)).toBeNull();
		expect(await devices.recognise(`${user.id}.${old}.${nonce}.x`, user.id)).toBeNull();
		expect(await devices.recognise(forOther, other.id)).toMatchObject({ userId: other.id });
		// With a cookie that is not its own, a browser is an outsider: the address budget applies.
		const context = from();
		for (let i = 0; i < ACCOUNT_ADDRESS_LIMIT.max; i++) await login('x', context, forged);
		expect(await login(user.password, context, forged)).toMatchObject({ reason: 'throttled' });
	});

	it('keeps the last five accounts of a shared PC in one device cookie', async () => {
		let cookie: string | undefined;
		const ids = Array.from({ length: 6 }, () => crypto.randomUUID());
		for (const id of ids) cookie = await devices.issue(cookie, id);
		expect(cookie!.split('~')).toHaveLength(5);
		expect(await devices.recognise(cookie, ids[0])).toBeNull();
		expect(await devices.recognise(cookie, ids[5])).not.toBeNull();
		expect(await devices.recognise(cookie, ids[1])).not.toBeNull();
	});
});

describe('failed sign-ins in the audit trail (issue 12)', () => {
	it('records 60 failures of one outsider as a handful of events, then their count', async () => {
		const { org, login, label } = await account();
		const context = from();
		for (let i = 0; i < 60; i++) await login(`guess ${i}`, context);
		const before = await trail(org.id);
		// One event per (minute, address, account, reason): the run may straddle a minute.
		expect(before.length).toBeGreaterThanOrEqual(2);
		expect(before.length).toBeLessThanOrEqual(4);
		expect(before.every((e) => e.userAgent!.length <= failures.USER_AGENT_MAX)).toBe(true);
		const counted = await tallies(label);
		expect(counted.reduce((sum, t) => sum + t.count, 0)).toBe(60);

		// The minute is over (moved back, as if time had passed): the counts are folded in.
		await db
			.update(signInFailure)
			.set({ minute: sql`${signInFailure.minute} - interval '2 minutes'` })
			.where(eq(signInFailure.label, label));
		await failures.foldFinished();
		const countOf = (e: { detail: unknown }) => (e.detail as { count?: number } | null)?.count;
		const summaries = (await trail(org.id)).filter((e) => countOf(e) !== undefined);
		const total = summaries.reduce((sum, e) => sum + countOf(e)!, 0);
		// Summaries count every failure of their window (the first one included).
		expect(total).toBe(60 - (counted.length - summaries.length));
		expect(summaries[0]).toMatchObject({ actorLabel: label, ip: context.ip });
		expect((await tallies(label)).every((t) => t.recordedAt !== null)).toBe(true);
		// Folding again adds nothing.
		await failures.foldFinished();
		expect((await trail(org.id)).length).toBe(before.length + summaries.length);
		// Long after, the counts leave the table; the trail keeps them.
		await db
			.update(signInFailure)
			.set({ recordedAt: sql`now() - interval '40 days'` })
			.where(eq(signInFailure.label, label));
		await failures.prune();
		expect(await tallies(label)).toEqual([]);
	});

	it('cuts what an outsider sends: the account name to 80 characters', async () => {
		const org = await makeOrganization();
		const long = 'a'.repeat(300);
		await signIn({ organizationCode: org.code, username: long, password: 'x' }, from());
		const [event] = await db
			.select()
			.from(auditEvent)
			.where(eq(auditEvent.actorLabel, `${org.code}/${long}`.slice(0, failures.LABEL_MAX)));
		expect(event).toMatchObject({ outcome: 'failure', reason: 'unknown-user' });
	});
});
