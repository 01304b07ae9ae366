import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { checkSymbol } from '../../auth-key';
import * as certificates from './verify';
import type { SessionUser } from '../identity/sessions';
import { db } from '../db';
import { auditEvent, guarantee, rateLimit } from '../db/schema';
import { asCaller, makeGuarantee, makeOrganization, makeUser } from '../testing/fixtures';
import { asSuperuser, noSuperuser } from '../testing/superuser';
import { queriesOf } from '../testing/queries';

async function clerkOf(org: { id: string; code: string; name: string }): Promise<SessionUser> {
	const user = await makeUser(org.id);
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

async function setup() {
	const org = await makeOrganization();
	const user = await clerkOf(org);
	const g = await makeGuarantee({ organizationId: org.id });
	return { org, user, g };
}

const attempt = (user: SessionUser, guaranteeNumber: string, authKey: string) =>
	certificates.verify(asCaller(user), { guaranteeNumber, authKey, purpose: 'contract' });

/** A key with a valid check symbol that is not the guarantee's key. */
function otherKey(key: string) {
	const payload = (key[0] === '2' ? '3' : '2') + key.slice(1, 19);
	return payload + checkSymbol(payload);
}

async function attempts(guaranteeId: string | null, organizationId: string) {
	return db
		.select()
		.from(auditEvent)
		.where(
			and(
				eq(auditEvent.organizationId, organizationId),
				eq(auditEvent.action, 'key.attempt'),
				guaranteeId ? eq(auditEvent.guaranteeId, guaranteeId) : sql`true`
			)
		);
}

describe('verify', () => {
	it('accepts the key typed full-width, in lower case and without hyphens', async () => {
		const { org, user, g } = await setup();
		const fullWidth = g.authKey
			.toLowerCase()
			.replace(/[0-9a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
			.replace(/-/g, 'ー');
		const result = await attempt(user, ` ${g.guaranteeNumber.toLowerCase()} `, fullWidth);
		expect(result).toEqual({ ok: true, id: g.id, guaranteeNumber: g.guaranteeNumber });
		const [row] = await db.select().from(guarantee).where(eq(guarantee.id, g.id));
		expect(row.firstVerifiedAt).toBeInstanceOf(Date);
		const [event] = await attempts(g.id, org.id);
		expect(event).toMatchObject({
			outcome: 'success',
			purpose: 'contract',
			guaranteeNumber: g.guaranteeNumber
		});
		expect(JSON.stringify(event)).not.toContain(g.canonicalKey);
		expect(JSON.stringify(event)).not.toContain(g.authKey);
		expect(event.detail).toEqual({ key: `****-****-****-****-**${g.canonicalKey.slice(-2)}` });
	});

	it('answers an unknown number, a wrong key and another organisation the same, audited apart', async () => {
		const { org, user, g } = await setup();
		const other = await makeOrganization('よその町');
		const theirs = await makeGuarantee({ organizationId: other.id });
		const unknown = await attempt(user, 'NO-SUCH-000', g.authKey);
		const wrong = await attempt(user, g.guaranteeNumber, otherKey(g.canonicalKey));
		const foreign = await attempt(user, theirs.guaranteeNumber, theirs.authKey);
		// Each is the clerk's first wrong key for that number: four left before it locks here.
		expect(unknown).toEqual({ ok: false, kind: 'no-match', remaining: 4, scope: 'number' });
		expect(wrong).toEqual(unknown);
		expect(foreign).toEqual(unknown);
		const reasons = (await attempts(null, org.id)).map((e) => [e.reason, e.guaranteeId]);
		expect(reasons).toEqual(
			expect.arrayContaining([
				['unknown-number', null],
				['wrong-key', g.id],
				['other-organization', null]
			])
		);
		const [row] = await db.select().from(guarantee).where(eq(guarantee.id, theirs.id));
		expect(row.firstVerifiedAt).toBeNull();
	});

	it('tells a typing error without counting it as a guess', async () => {
		const { user, g } = await setup();
		const last = g.canonicalKey.at(-1)!;
		const badCheck = g.canonicalKey.slice(0, -1) + (last === 'A' ? 'B' : 'A');
		for (let i = 0; i < certificates.NUMBER_LIMIT.max + 3; i++) {
			expect(await attempt(user, g.guaranteeNumber, badCheck)).toEqual({
				ok: false,
				kind: 'invalid',
				authKey: 'checksum'
			});
		}
		expect(await attempt(user, g.guaranteeNumber, 'ABC')).toMatchObject({ authKey: 'length' });
		expect(await attempt(user, '', '')).toMatchObject({
			guaranteeNumber: 'empty',
			authKey: 'empty'
		});
		expect(await attempt(user, '番号', g.authKey)).toMatchObject({ guaranteeNumber: 'format' });
		expect(await attempt(user, g.guaranteeNumber, g.authKey)).toMatchObject({ ok: true });
	});

	it(`locks a number after ${certificates.NUMBER_LIMIT.max} wrong keys, even for the right key`, async () => {
		const { org, g } = await setup();
		const wrongKey = otherKey(g.canonicalKey);
		const results = [];
		// Different clerks, so only the per-number limit can be the one that locks.
		for (let i = 0; i < certificates.NUMBER_LIMIT.max; i++) {
			results.push(await attempt(await clerkOf(org), g.guaranteeNumber, wrongKey));
		}
		expect(results.slice(0, -1).every((r) => !r.ok && r.kind === 'no-match')).toBe(true);
		const last = results.at(-1)!;
		expect(last).toMatchObject({ ok: false, kind: 'locked', scope: 'number' });
		const until = (last as { until: Date }).until.getTime();
		expect(until - Date.now()).toBeGreaterThan(
			certificates.NUMBER_LIMIT.windowSeconds * 1000 - 60_000
		);
		const fresh = await clerkOf(org);
		expect(await attempt(fresh, g.guaranteeNumber, g.authKey)).toMatchObject({
			kind: 'locked',
			scope: 'number'
		});
		const locked = (await attempts(null, org.id)).filter((e) => e.outcome === 'locked');
		expect(locked.map((e) => e.reason)).toContain('number-locked');
	});

	it(`locks a clerk after ${certificates.USER_LIMIT.max} wrong keys over many numbers`, async () => {
		const { org, user } = await setup();
		let last;
		for (let i = 0; i < certificates.USER_LIMIT.max; i++) {
			last = await attempt(user, `NOPE-${i}-${Date.now()}`, otherKey('00000000000000000000'));
		}
		expect(last).toMatchObject({ kind: 'locked', scope: 'user' });
		const g = await makeGuarantee({ organizationId: org.id });
		expect(await attempt(user, g.guaranteeNumber, g.authKey)).toMatchObject({ scope: 'user' });
		// A colleague is not locked out by someone else's mistakes (below the organisation's limit).
		expect(await attempt(await clerkOf(org), g.guaranteeNumber, g.authKey)).toMatchObject({
			ok: true
		});
	});

	it(`locks an organisation after ${certificates.ORGANIZATION_LIMIT.max} wrong keys`, async () => {
		const org = await makeOrganization();
		const perClerk = certificates.USER_LIMIT.max - 1;
		let last;
		let clerk = await clerkOf(org);
		for (let i = 0; i < certificates.ORGANIZATION_LIMIT.max; i++) {
			if (i > 0 && i % perClerk === 0) clerk = await clerkOf(org);
			last = await attempt(clerk, `ORG-${i}-${Date.now()}`, otherKey('00000000000000000000'));
		}
		expect(last).toMatchObject({ kind: 'locked', scope: 'organization' });
		const g = await makeGuarantee({ organizationId: org.id });
		expect(await attempt(await clerkOf(org), g.guaranteeNumber, g.authKey)).toMatchObject({
			kind: 'locked',
			scope: 'organization'
		});
	});
});

describe('key-attempt limits (issue 12)', () => {
	const counted = async (key: string) =>
		(await db.select().from(rateLimit).where(eq(rateLimit.key, key)))[0]?.count ?? 0;

	it('tells how many wrong keys remain before the number locks for this organisation', async () => {
		const { user, g } = await setup();
		const wrongKey = otherKey(g.canonicalKey);
		const answers = [];
		for (let i = 0; i < certificates.NUMBER_LIMIT.max; i++) {
			answers.push(await attempt(user, g.guaranteeNumber, wrongKey));
		}
		expect(
			answers.map((a) => (a.ok ? 'ok' : a.kind === 'no-match' ? a.remaining : a.kind))
		).toEqual([4, 3, 2, 1, 'locked']);
	});

	it("never lets another organisation's wrong keys lock this organisation's number", async () => {
		const { org, user, g } = await setup();
		const other = await makeOrganization('長生村');
		const wrongKey = otherKey(g.canonicalKey);
		// Two clerks of the other town, so neither's own limit is what stops them.
		for (const stranger of [await clerkOf(other), await clerkOf(other)]) {
			for (let i = 0; i < certificates.NUMBER_LIMIT.max; i++) {
				await attempt(stranger, g.guaranteeNumber, wrongKey);
			}
		}
		expect(await attempt(await clerkOf(other), g.guaranteeNumber, g.authKey)).toMatchObject({
			kind: 'locked',
			scope: 'number'
		});
		expect(await attempt(user, g.guaranteeNumber, g.authKey)).toEqual({
			ok: true,
			id: g.id,
			guaranteeNumber: g.guaranteeNumber
		});
		// Unknown numbers too are counted for the organisation that tried them, not for everyone.
		const unknown = `NOT-YET-${Date.now()}`;
		for (let i = 0; i < certificates.NUMBER_LIMIT.max; i++) {
			await attempt(await clerkOf(other), unknown, wrongKey);
		}
		expect(await attempt(user, unknown, wrongKey)).toMatchObject({
			kind: 'no-match',
			remaining: 4
		});
		expect(await counted(`verify:number:${org.id}:${unknown}`)).toBe(1);
	});

	it('checks exactly the limit of 50 parallel wrong keys, and the trail agrees', async () => {
		const { org, user, g } = await setup();
		const wrongKey = otherKey(g.canonicalKey);
		const results = await Promise.all(
			Array.from({ length: 50 }, () => attempt(user, g.guaranteeNumber, wrongKey))
		);
		const max = certificates.NUMBER_LIMIT.max;
		expect(await counted(`verify:number:${org.id}:${g.guaranteeNumber}`)).toBe(max);
		expect(await counted(`verify:user:${user.id}`)).toBe(max);
		const events = await attempts(null, org.id);
		expect(events.filter((e) => e.outcome === 'failure')).toHaveLength(max);
		expect(events.filter((e) => e.outcome === 'locked')).toHaveLength(50 - max);
		expect(results.filter((r) => !r.ok && r.kind === 'no-match')).toHaveLength(max - 1);
		expect(results.filter((r) => !r.ok && r.kind === 'locked')).toHaveLength(50 - max + 1);
	});

	it('does not count a correct key, so a clerk within budget keeps working', async () => {
		const { org, user, g } = await setup();
		const wrongKey = otherKey(g.canonicalKey);
		for (let i = 0; i < certificates.NUMBER_LIMIT.max - 1; i++) {
			await attempt(user, g.guaranteeNumber, wrongKey);
		}
		for (let i = 0; i < 3; i++) {
			expect(await attempt(user, g.guaranteeNumber, g.authKey)).toMatchObject({ ok: true });
		}
		expect(await counted(`verify:number:${org.id}:${g.guaranteeNumber}`)).toBe(
			certificates.NUMBER_LIMIT.max - 1
		);
		// More correct keys than any limit allows wrong ones: none of them is refused.
		for (let i = 0; i < certificates.USER_LIMIT.max + 1; i++) {
			const next = await makeGuarantee({ organizationId: org.id });
			expect(await attempt(user, next.guaranteeNumber, next.authKey)).toMatchObject({ ok: true });
		}
	});
});

describe('view', () => {
	it('shows the certificate only after the key was presented, and records the view with its purpose', async () => {
		const { org, user, g } = await setup();
		expect(await certificates.view(asCaller(user), { id: g.id, purpose: 'contract' })).toBeNull();
		await attempt(user, g.guaranteeNumber, g.authKey);
		const shown = await certificates.view(asCaller(user), { id: g.id, purpose: 'advance_payment' });
		expect(shown).toMatchObject({
			id: g.id,
			guaranteeNumber: g.guaranteeNumber,
			kind: 'advance_payment',
			status: 'valid',
			version: 1,
			signatureKid: null,
			current: { worksName: '令和8年度 町道1-23号線舗装修繕工事', contractAmount: 38_500_000 }
		});
		const again = await certificates.view(asCaller(user), { id: g.id });
		expect(again!.pastViews).toEqual([
			expect.objectContaining({ purpose: 'advance_payment', clerk: user.username })
		]);
		const views = await db
			.select()
			.from(auditEvent)
			.where(and(eq(auditEvent.organizationId, org.id), eq(auditEvent.action, 'certificate.view')));
		expect(views.map((v) => [v.outcome, v.reason, v.purpose])).toEqual(
			expect.arrayContaining([
				['denied', 'not-presented', 'contract'],
				['success', null, 'advance_payment'],
				['success', null, null]
			])
		);
	});

	it('answers null to another organisation even after the owner presented the key', async () => {
		const { user, g } = await setup();
		await attempt(user, g.guaranteeNumber, g.authKey);
		const other = await makeOrganization('よその村');
		const stranger = await clerkOf(other);
		expect(await attempt(stranger, g.guaranteeNumber, g.authKey)).toMatchObject({
			ok: false,
			kind: 'no-match'
		});
		expect(await certificates.view(asCaller(stranger), { id: g.id })).toBeNull();
		expect(await certificates.view(asCaller(stranger), { id: 'not-a-uuid' })).toBeNull();
		const denied = await db
			.select()
			.from(auditEvent)
			.where(and(eq(auditEvent.organizationId, other.id), eq(auditEvent.outcome, 'denied')));
		expect(denied.map((d) => [d.reason, d.guaranteeId])).toEqual([
			['other-organization', null],
			['not-found', null]
		]);
	});

	it('shows which values each change certificate changed, and the status', async () => {
		const org = await makeOrganization();
		const user = await clerkOf(org);
		const g = await makeGuarantee({
			organizationId: org.id,
			original: { guaranteeEndOn: '2020-03-31', signatureKid: 'k2026' },
			amendments: [
				{
					issuedOn: '2026-12-10',
					amendmentReason: '増額',
					contractAmount: 42_350_000,
					guaranteeAmount: 16_940_000
				},
				{ issuedOn: '2027-01-20', amendmentReason: '保証期限変更', guaranteeEndOn: '2021-03-31' }
			]
		});
		await attempt(user, g.guaranteeNumber, g.authKey);
		const shown = (await certificates.view(asCaller(user), { id: g.id }))!;
		expect(shown.status).toBe('expired');
		expect(shown.version).toBe(3);
		expect(shown.signatureKid).toBe('k2026');
		expect(shown.issuedOn).toBe('2026-07-04');
		expect(shown.history.map((h) => h.changes.map((c) => [c.field, c.from, c.to]))).toEqual([
			[],
			[
				['contractAmount', 38_500_000, 42_350_000],
				['guaranteeAmount', 15_400_000, 16_940_000]
			],
			[['guaranteeEndOn', '2020-03-31', '2021-03-31']]
		]);

		const cancelled = await makeGuarantee({
			organizationId: org.id,
			cancelled: { cancelledOn: '2027-01-15', reason: '契約解除' }
		});
		await attempt(user, cancelled.guaranteeNumber, cancelled.authKey);
		const c = (await certificates.view(asCaller(user), { id: cancelled.id }))!;
		expect(c).toMatchObject({
			status: 'cancelled',
			cancelledOn: '2027-01-15',
			cancellationReason: '契約解除'
		});
	});

	// Only the schema's owner or a superuser may put a trigger on the trail (never the app's role).
	it.skipIf(noSuperuser)(
		'shows nothing when the view cannot be recorded (fail closed)',
		async () => {
			const { org, user, g } = await setup();
			await attempt(user, g.guaranteeNumber, g.authKey);
			// A real failure inside the database, for this guarantee's view events only.
			const trigger = `test_refuse_audit_${g.id.replace(/-/g, '')}`;
			await asSuperuser(async (run) => {
				await run(`create or replace function test_refuse_audit() returns trigger language plpgsql
				as $$ begin raise exception 'audit store refused the event'; end $$`);
				await run(`create trigger ${trigger} before insert on audit_event for each row
				when (new.guarantee_id = '${g.id}' and new.action = 'certificate.view')
				execute function test_refuse_audit()`);
			});
			try {
				let shown: unknown = 'untouched';
				await expect(
					(async () => {
						shown = await certificates.view(asCaller(user), { id: g.id, purpose: 'contract' });
					})()
				).rejects.toThrow();
				expect(shown).toBe('untouched');
			} finally {
				await asSuperuser((run) => run(`drop trigger ${trigger} on audit_event`));
			}
			const views = await db
				.select()
				.from(auditEvent)
				.where(
					and(eq(auditEvent.organizationId, org.id), eq(auditEvent.action, 'certificate.view'))
				);
			expect(views).toEqual([]);
			expect(await certificates.view(asCaller(user), { id: g.id })).not.toBeNull();
		}
	);
});

describe('recent', () => {
	it("lists this organisation's verified guarantees, newest first, and no one else's", async () => {
		const { org, user, g } = await setup();
		const second = await makeGuarantee({ organizationId: org.id, kind: 'contract' });
		await attempt(user, g.guaranteeNumber, g.authKey);
		await attempt(user, second.guaranteeNumber, second.authKey);
		const other = await makeOrganization();
		expect(await certificates.recent(other.id)).toEqual([]);
		const list = await certificates.recent(org.id);
		expect(list.map((r) => r.id)).toEqual([second.id, g.id]);
		expect(list[0]).toMatchObject({
			kind: 'contract',
			status: 'valid',
			worksName: expect.any(String)
		});
	});

	it('reads each guarantee with its latest certificate in two queries, however many', async () => {
		const { org, user, g } = await setup();
		await attempt(user, g.guaranteeNumber, g.authKey);
		const one = await queriesOf(() => certificates.recent(org.id));
		expect(one.result.map((r) => r.id)).toEqual([g.id]);

		const renamed = await makeGuarantee({
			organizationId: org.id,
			kind: 'contract',
			amendments: [
				{ issuedOn: '2026-09-01', amendmentReason: 'その他', worksName: '令和8年度 排水路改良工事' }
			]
		});
		const cancelled = await makeGuarantee({
			organizationId: org.id,
			cancelled: { cancelledOn: '2026-10-01', reason: '契約解除' }
		});
		const ended = await makeGuarantee({
			organizationId: org.id,
			kind: 'intermediate_advance_payment',
			original: { guaranteeEndOn: '2020-03-31' }
		});
		for (const next of [renamed, cancelled, ended]) {
			await attempt(user, next.guaranteeNumber, next.authKey);
		}
		const four = await queriesOf(() => certificates.recent(org.id));
		expect(
			four.result.map(({ id, kind, worksName, status }) => ({ id, kind, worksName, status }))
		).toEqual([
			{ id: ended.id, kind: 'intermediate_advance_payment', worksName: WORKS, status: 'expired' },
			{ id: cancelled.id, kind: 'advance_payment', worksName: WORKS, status: 'cancelled' },
			{ id: renamed.id, kind: 'contract', worksName: '令和8年度 排水路改良工事', status: 'valid' },
			{ id: g.id, kind: 'advance_payment', worksName: WORKS, status: 'valid' }
		]);
		expect(four.queries).toHaveLength(2);
		expect(one.queries).toHaveLength(2);
	});
});

const WORKS = '令和8年度 町道1-23号線舗装修繕工事';
