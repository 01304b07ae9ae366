import { describe, expect, it } from 'vitest';
import { eq, or } from 'drizzle-orm';
import * as auth from '../identity/sessions';
import * as certificates from '../certificates/verify';
import * as issuers from '../issuing/issuers';
import * as users from '../identity/users';
import { signIn, signOut, ACCOUNT_ADDRESS_LIMIT } from '../identity/sign-in';
import { changeOwnPassword } from '../identity/password-change';
import { db } from '../db';
import { auditChainHead, auditEvent } from '../db/schema';
import * as audit from './append';
import {
	asCaller,
	makeGuarantee,
	makeOrganization,
	makeUser,
	operator,
	testContext
} from '../testing/fixtures';
import { POST as register } from '../../../routes/api/v1/certificates/+server';
import { POST as amend } from '../../../routes/api/v1/certificates/[id]/amendments/+server';
import { POST as reissue } from '../../../routes/api/v1/certificates/[id]/auth-key/+server';

/**
 * The audit trail's promise, checked across modules: every action the issue lists writes its
 * event, and no secret used along the way (password, session token, auth key, API token) is
 * found anywhere in the stored events.
 */
async function eventsOf(organizationId: string | null, issuerId?: string) {
	const rows = await db
		.select()
		.from(auditEvent)
		.where(
			or(
				organizationId ? eq(auditEvent.organizationId, organizationId) : undefined,
				issuerId ? eq(auditEvent.issuerId, issuerId) : undefined
			)
		);
	return rows;
}

const summary = (rows: { action: string; outcome: string; reason: string | null }[]) =>
	rows.map((r) => `${r.action}:${r.outcome}${r.reason ? `:${r.reason}` : ''}`);

function apiCall(
	// Any route's handler: each is typed for its own route id and params.
	handler: (event: never) => Response | Promise<Response>,
	token: string,
	body: unknown,
	params: Record<string, string> = {}
) {
	const request = new Request('http://test/api', {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	return Promise.resolve(handler({ request, params, locals: { context: testContext } } as never));
}

describe('every listed action writes its event, and no secret is stored', () => {
	it('sign-in, sign-out, user administration', async () => {
		const org = await makeOrganization();
		const admin = await makeUser(org.id, 'admin');
		const clerk = await makeUser(org.id, 'clerk', 'the clerk secret pw');
		const adminUser = (await auth.validateSessionToken((await auth.createSession(admin.id)).token))!
			.user;
		const by = asCaller(adminUser);
		const login = { organizationCode: org.code, username: clerk.username };

		const ok = await signIn({ ...login, password: clerk.password }, testContext);
		expect(ok.ok).toBe(true);
		const session = ok.ok ? await auth.validateSessionToken(ok.token) : null;
		await signOut({ ...asCaller(session!.user), sessionId: session!.session.id });
		for (let i = 0; i < ACCOUNT_ADDRESS_LIMIT.max; i++) {
			await signIn({ ...login, password: 'wrong password' }, testContext);
		}
		await signIn({ ...login, password: clerk.password }, testContext);
		const added = await users.add(by, { username: 'nakamura', role: 'auditor' });
		await users.setDisabled(by, clerk.id, true);
		await users.setDisabled(by, clerk.id, false);
		const reset = await users.resetPassword(by, clerk.id);
		await changeOwnPassword(
			{ ...by, sessionId: session!.session.id },
			{ current: admin.password, next: 'a brand new secret' }
		);

		const events = summary(await eventsOf(org.id));
		expect(events).toEqual(
			expect.arrayContaining([
				'auth.sign-in:success',
				'auth.sign-out:success',
				'auth.sign-in:failure:wrong-password',
				'auth.sign-in:locked:account-throttled',
				'user.add:success',
				'user.disable:success',
				'user.enable:success',
				'user.reset-password:success',
				'user.change-password:success'
			])
		);
		const stored = JSON.stringify(await eventsOf(org.id));
		for (const secret of [
			clerk.password,
			admin.password,
			'a brand new secret',
			added.password!,
			reset!.password
		]) {
			expect(stored).not.toContain(secret);
		}
		expect(stored).not.toContain(ok.ok ? ok.token.split('.')[1] : 'x');
	});

	it('key attempts (success, wrong key, typing error, another organisation, locked) and views', async () => {
		const org = await makeOrganization();
		const other = await makeOrganization();
		const clerkRow = await makeUser(org.id);
		const outsiderRow = await makeUser(other.id);
		const clerk = (await auth.validateSessionToken((await auth.createSession(clerkRow.id)).token))!
			.user;
		const outsider = (await auth.validateSessionToken(
			(await auth.createSession(outsiderRow.id)).token
		))!.user;
		const g = await makeGuarantee({ organizationId: org.id });
		const attempt = (user: typeof clerk, authKey: string) =>
			certificates.verify(asCaller(user), {
				guaranteeNumber: g.guaranteeNumber,
				authKey,
				purpose: 'contract'
			});

		expect((await attempt(clerk, g.authKey)).ok).toBe(true);
		const typo = g.canonicalKey.slice(0, 19) + (g.canonicalKey[19] === '0' ? '1' : '0');
		await attempt(clerk, typo);
		await attempt(outsider, g.authKey);
		expect(
			await certificates.view(asCaller(outsider), { id: g.id, purpose: 'contract' })
		).toBeNull();
		expect(
			await certificates.view(asCaller(clerk), { id: g.id, purpose: 'contract' })
		).not.toBeNull();
		expect(await certificates.recordPrint(asCaller(clerk), g.id)).toBe(true);
		expect(await certificates.recordPrint(asCaller(outsider), g.id)).toBe(false);
		const wrong = await makeGuarantee({ organizationId: org.id });
		for (let i = 0; i <= certificates.NUMBER_LIMIT.max; i++) {
			await certificates.verify(asCaller(clerk), {
				guaranteeNumber: g.guaranteeNumber,
				authKey: wrong.authKey,
				purpose: 'contract'
			});
		}

		const mine = await eventsOf(org.id);
		const theirs = await eventsOf(other.id);
		const actions = summary([...mine, ...theirs]);
		expect(actions).toEqual(
			expect.arrayContaining([
				'key.attempt:success:key-matched',
				'key.attempt:failure:typing-error',
				'key.attempt:failure:wrong-key',
				'key.attempt:failure:other-organization',
				'key.attempt:locked:number-locked',
				'certificate.view:success',
				'certificate.view:denied:other-organization',
				'certificate.print:success'
			])
		);
		const stored = JSON.stringify([...mine, ...theirs]);
		for (const key of [g, wrong]) {
			expect(stored).not.toContain(key.canonicalKey);
			expect(stored).not.toContain(key.authKey);
			expect(stored).not.toContain(key.canonicalKey.slice(0, 16));
		}
	});

	it('issuer API calls that change data, and token administration', async () => {
		const org = await makeOrganization();
		const issuer = await issuers.add({
			code: `cov${Date.now().toString(36)}`,
			name: '監査建設業保証'
		});
		const { token } = await issuers.createToken(issuer.id);
		const body = {
			kind: 'contract',
			guaranteeNumber: `COV-${Date.now().toString(36).toUpperCase()}`,
			issuedOn: '2026-07-04',
			orderer: { code: org.code, name: 'テスト町長' },
			contractor: { name: '株式会社テスト建設', address: '千葉県', representative: '代表 太郎' },
			works: {
				name: '監査工事',
				location: '地内',
				contractAmount: 10_000_000,
				startOn: '2026-07-01',
				endOn: '2027-02-26'
			},
			guarantee: { amount: 1_000_000, startOn: '2026-07-04', endOn: '2027-02-26' }
		};
		const created = await apiCall(register, token, body);
		expect(created.status).toBe(201);
		const { id, authKey } = await created.json();
		const amended = await apiCall(
			amend,
			token,
			{ amendedOn: '2026-12-10', reason: '増額', changes: { guarantee: { amount: 1_200_000 } } },
			{ id }
		);
		expect(amended.status).toBe(201);
		const reissued = await apiCall(reissue, token, undefined, { id });
		const { authKey: newKey } = await reissued.json();
		const refused = await apiCall(register, token, { ...body, extra: 1 });
		expect(refused.status).toBe(422);
		const unauthorised = await apiCall(register, `${token}x`, body);
		expect(unauthorised.status).toBe(401);

		// Another issuer (tenant matrix): A's guarantee does not exist for it, and each attempt is
		// a denied event in B's own trail, never in A's.
		const other = await issuers.add({ code: `cob${Date.now().toString(36)}`, name: '別保証' });
		const { token: otherToken } = await issuers.createToken(other.id);
		const otherChange = {
			amendedOn: '2026-12-11',
			reason: '増額',
			changes: { guarantee: { amount: 2_000_000 } }
		};
		expect((await apiCall(amend, otherToken, otherChange, { id })).status).toBe(404);
		expect((await apiCall(reissue, otherToken, undefined, { id })).status).toBe(404);
		expect(summary(await eventsOf(null, other.id))).toEqual(
			expect.arrayContaining([
				'certificate.amend:denied:not-found',
				'certificate.reissue-key:denied:not-found'
			])
		);

		const rows = await eventsOf(null, issuer.id);
		expect(summary(rows).filter((r) => r.includes('denied'))).toEqual([]);
		expect(summary(rows)).toEqual(
			expect.arrayContaining([
				'certificate.register:success',
				'certificate.amend:success',
				'certificate.reissue-key:success',
				'certificate.register:failure:validation'
			])
		);
		const stored = JSON.stringify(await db.select().from(auditEvent));
		for (const secret of [token.split('_').at(-1)!, authKey, newKey])
			expect(stored).not.toContain(secret);
	});
});

it('operator actions go to the operator chain, unless they concern an organisation', async () => {
	const org = await makeOrganization();
	const input = {
		action: 'test.operator',
		outcome: 'success',
		actor: operator,
		context: testContext
	} as const;
	const own = await audit.record(input);
	const aboutOrg = await audit.record({ ...input, organizationId: org.id });
	const anonymous = await audit.record({ ...input, actor: { type: 'anonymous' } });
	// Each event's lane belongs to the chain it is about (the lane row names its chain).
	const chainOf = async (lane: string) =>
		(await db.select().from(auditChainHead).where(eq(auditChainHead.chain, lane)))[0]?.base;
	expect(await chainOf(own.chain)).toBe('operator');
	expect(await chainOf(aboutOrg.chain)).toBe(`org:${org.id}`);
	expect(await chainOf(anonymous.chain)).toBe('portal');
	const rows = await db
		.select({ id: auditEvent.id, actorType: auditEvent.actorType })
		.from(auditEvent)
		.innerJoin(auditChainHead, eq(auditChainHead.chain, auditEvent.chain))
		.where(eq(auditChainHead.base, 'operator'));
	expect(rows.map((r) => r.id)).toContain(own.id);
	expect(rows.every((r) => r.actorType === 'operator')).toBe(true);
});
