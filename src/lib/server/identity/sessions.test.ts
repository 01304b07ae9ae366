import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as auth from './sessions';
import * as users from './users';
import { signIn, ACCOUNT_ADDRESS_LIMIT } from './sign-in';
import { db } from '../db';
import { session } from '../db/schema';
import { makeOrganization, makeUser, operatorCaller, testContext } from '../testing/fixtures';
import { actingFor } from './caller';

describe('sessions', () => {
	it('stores only a hash of the secret and accepts the token it issued', async () => {
		const org = await makeOrganization();
		const user = await makeUser(org.id);
		const { token } = await auth.createSession(user.id);
		const [id, secret] = token.split('.');
		expect(secret.length).toBeGreaterThanOrEqual(26); // ≥ 128 bits of base32
		const [row] = await db.select().from(session).where(eq(session.id, id));
		expect(Buffer.from(row.secretHash).toString('hex')).not.toContain(
			Buffer.from(secret).toString('hex')
		);
		const validated = await auth.validateSessionToken(token);
		expect(validated?.user.username).toBe(user.username);
		expect(validated?.user.organizationCode).toBe(org.code);
	});

	it('refuses a token whose secret was altered', async () => {
		const org = await makeOrganization();
		const user = await makeUser(org.id);
		const { token } = await auth.createSession(user.id);
		const altered = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
		expect(await auth.validateSessionToken(altered)).toBeNull();
		expect(await auth.validateSessionToken('garbage')).toBeNull();
		expect(await auth.validateSessionToken(`${token}.extra`)).toBeNull();
	});

	it('slides the expiry for a clerk back after a pause, once, and says the cookie needs it', async () => {
		const org = await makeOrganization();
		const user = await makeUser(org.id);
		const { token, expiresAt: issued } = await auth.createSession(user.id);
		const id = token.split('.')[0];
		expect((await auth.validateSessionToken(token))?.session).toMatchObject({
			expiresAt: issued,
			extended: false
		});
		// Away for half an hour: 30 minutes of the idle hour are left.
		await db
			.update(session)
			.set({ expiresAt: new Date(Date.now() + 30 * 60_000) })
			.where(eq(session.id, id));
		const back = await auth.validateSessionToken(token);
		expect(back?.session.extended).toBe(true);
		expect(back!.session.expiresAt.getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
		const [row] = await db.select().from(session).where(eq(session.id, id));
		expect(row.expiresAt).toEqual(back!.session.expiresAt);
		// The next request in the same minute neither writes nor sets the cookie again.
		expect((await auth.validateSessionToken(token))?.session).toMatchObject({
			expiresAt: back!.session.expiresAt,
			extended: false
		});
	});

	it('ends at the absolute limit even while in use', async () => {
		const org = await makeOrganization();
		const user = await makeUser(org.id);
		const { token } = await auth.createSession(user.id);
		const id = token.split('.')[0];
		await db
			.update(session)
			.set({ absoluteExpiresAt: new Date(Date.now() - 1000) })
			.where(eq(session.id, id));
		expect(await auth.validateSessionToken(token)).toBeNull();
	});

	it('disabling a user ends their sessions at once', async () => {
		const org = await makeOrganization();
		const user = await makeUser(org.id);
		const { token } = await auth.createSession(user.id);
		await users.setDisabled(actingFor(operatorCaller, org.id), user.id, true);
		expect(await auth.validateSessionToken(token)).toBeNull();
	});
});

describe('sign-in', () => {
	it('accepts the right password with the code in either field', async () => {
		const org = await makeOrganization();
		const user = await makeUser(org.id);
		const separate = await signIn(
			{ organizationCode: org.code, username: user.username, password: user.password },
			testContext
		);
		expect(separate.ok).toBe(true);
		const combined = await signIn(
			{
				organizationCode: '',
				username: `${org.code}/${user.username.toUpperCase()}`,
				password: user.password
			},
			testContext
		);
		expect(combined.ok).toBe(true);
	});

	it('answers the same for an unknown user and a wrong password', async () => {
		const org = await makeOrganization();
		const user = await makeUser(org.id);
		const wrong = await signIn(
			{ organizationCode: org.code, username: user.username, password: 'nope nope' },
			testContext
		);
		const unknown = await signIn(
			{ organizationCode: org.code, username: 'ghost', password: 'nope nope' },
			testContext
		);
		expect(wrong).toEqual(unknown);
	});

	it(`locks an account from one address after ${ACCOUNT_ADDRESS_LIMIT.max} wrong passwords, even for the right one`, async () => {
		const org = await makeOrganization();
		const user = await makeUser(org.id);
		const attempt = (password: string) =>
			signIn({ organizationCode: org.code, username: user.username, password }, testContext);
		for (let i = 0; i < ACCOUNT_ADDRESS_LIMIT.max; i++)
			expect((await attempt('wrong!!!')).ok).toBe(false);
		const locked = await attempt(user.password);
		expect(locked).toMatchObject({ ok: false, reason: 'throttled' });
		if (!locked.ok && locked.reason === 'throttled') {
			expect(locked.retryAfterSeconds).toBeGreaterThan(0);
			expect(locked.retryAfterSeconds).toBeLessThanOrEqual(ACCOUNT_ADDRESS_LIMIT.windowSeconds);
		}
	});

	it('a disabled user cannot sign in', async () => {
		const org = await makeOrganization();
		const user = await makeUser(org.id);
		await users.setDisabled(actingFor(operatorCaller, org.id), user.id, true);
		const result = await signIn(
			{ organizationCode: org.code, username: user.username, password: user.password },
			testContext
		);
		expect(result).toEqual({ ok: false, reason: 'invalid' });
	});
});

describe('users', () => {
	it('keeps usernames unique per organisation, not across organisations', async () => {
		const a = await makeOrganization();
		const b = await makeOrganization();
		await users.add(actingFor(operatorCaller, a.id), {
			username: 'sato',
			role: 'clerk',
			password: 'long enough'
		});
		await expect(
			users.add(actingFor(operatorCaller, a.id), {
				username: 'SATO',
				role: 'admin',
				password: 'long enough'
			})
		).rejects.toBeInstanceOf(users.DuplicateUserError);
		await users.add(actingFor(operatorCaller, b.id), {
			username: 'sato',
			role: 'clerk',
			password: 'long enough'
		});
	});

	it('generates an initial password that must be changed, and enforces the policy', async () => {
		const org = await makeOrganization();
		const { user, password } = await users.add(actingFor(operatorCaller, org.id), {
			username: 'newbie',
			role: 'clerk'
		});
		expect(password).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/);
		expect(user.mustChangePassword).toBe(true);
		await expect(
			users.add(actingFor(operatorCaller, org.id), {
				username: 'short',
				role: 'clerk',
				password: 'seven77'
			})
		).rejects.toBeInstanceOf(users.PasswordPolicyError);
		// 64 characters and no composition rules
		await users.add(actingFor(operatorCaller, org.id), {
			username: 'longpw',
			role: 'clerk',
			password: 'xy'.repeat(32)
		});
	});

	it('an admin of one organisation cannot touch a user of another', async () => {
		const a = await makeOrganization();
		const b = await makeOrganization();
		const victim = await makeUser(b.id);
		expect(await users.setDisabled(actingFor(operatorCaller, a.id), victim.id, true)).toBeNull();
		expect(await users.resetPassword(actingFor(operatorCaller, a.id), victim.id)).toBeNull();
		const { token } = await auth.createSession(victim.id);
		expect(await auth.validateSessionToken(token)).not.toBeNull();
	});
});
