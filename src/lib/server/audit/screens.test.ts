import { describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { checkSymbol } from '../../auth-key';
import type { Purpose } from '../../guarantee';
import * as certificates from '../certificates/verify';
import { lockContact } from '../certificates/lock-contact';
import { lastUsedPurpose } from '../certificates/last-purpose';
import { lastSignIns } from '../identity/last-sign-in';
import { signIn } from '../identity/sign-in';
import type { SessionUser } from '../identity/sessions';
import * as users from '../identity/users';
import { db } from '../db';
import { auditEvent } from '../db/schema';
import * as auditCsv from './csv';
import { lockTrail, trailsOf } from './lock-trail';
import {
	asCaller,
	makeClerk,
	makeGuarantee,
	makeOrganization,
	makeUser,
	testContext
} from '../testing/fixtures';

/**
 * What the screens of issue 15 read from the database: the attempts behind a lock (and only a
 * count from elsewhere), whom to call, the last purpose, last sign-ins, the CSV in Japanese.
 */
function otherKey(key: string) {
	const canonical = key.replace(/-/g, '');
	const payload = (canonical[0] === '2' ? '3' : '2') + canonical.slice(1, 19);
	return payload + checkSymbol(payload);
}

const attempt = (
	user: SessionUser,
	guaranteeNumber: string,
	authKey: string,
	purpose = 'contract'
) => certificates.verify(asCaller(user), { guaranteeNumber, authKey, purpose: purpose as Purpose });

async function eventsOf(organizationId: string) {
	return db
		.select()
		.from(auditEvent)
		.where(eq(auditEvent.organizationId, organizationId))
		.orderBy(asc(auditEvent.at), asc(auditEvent.id));
}

describe('a lock in the trail', () => {
	it("lists this organisation's wrong keys that led to it and only counts those from elsewhere", async () => {
		const org = await makeOrganization();
		const other = await makeOrganization();
		const clerk = await makeClerk(org, '田中 花子');
		const stranger = await makeClerk(other);
		const g = await makeGuarantee({ organizationId: org.id });
		await attempt(stranger, g.guaranteeNumber, otherKey(g.authKey));
		// A typing error is not a guess: never part of the trail.
		await attempt(
			clerk,
			g.guaranteeNumber,
			g.authKey.slice(0, -1) + (g.authKey.endsWith('A') ? 'B' : 'A')
		);
		let result: certificates.VerifyResult | undefined;
		for (let i = 0; i < 10 && !(result && !result.ok && result.kind === 'locked'); i++) {
			result = await attempt(clerk, g.guaranteeNumber, otherKey(g.authKey));
		}
		expect(result).toMatchObject({ ok: false, kind: 'locked', scope: 'number' });
		await attempt(clerk, g.guaranteeNumber, g.authKey); // refused while locked

		const events = (await eventsOf(org.id)).reverse();
		const lock = events.find((e) => e.outcome === 'locked')!;
		expect(lock.reason).toBe('number-locked');
		const trail = await lockTrail(org.id, g.guaranteeNumber, new Date(lock.at));
		const wrong = events.filter((e) => e.reason === 'wrong-key');
		expect(trail.attempts.map((a) => a.id)).toEqual(wrong.map((e) => e.id).reverse());
		expect(trail.attempts.every((a) => a.actorId === clerk.id)).toBe(true);
		expect(trail.elsewhere).toBe(1);
		// The other organisation's view of the same window: its own attempt, ours only counted.
		const theirs = await lockTrail(other.id, g.guaranteeNumber, new Date(lock.at));
		expect(theirs.attempts.map((a) => a.actorId)).toEqual([stranger.id]);
		expect(theirs.elsewhere).toBe(wrong.length);

		const trails = await trailsOf(org.id, events);
		expect(trails.get(lock.id)).toEqual(trail);
		expect(
			[...trails.keys()].every((id) => events.find((e) => e.id === id)?.outcome === 'locked')
		).toBe(true);
	});

	it('names whom to call only for a number of this organisation', async () => {
		const org = await makeOrganization();
		const other = await makeOrganization();
		const g = await makeGuarantee({ organizationId: org.id });
		expect(await lockContact(org.id, g.guaranteeNumber.toLowerCase())).toEqual({
			issuer: 'テスト建設業保証株式会社',
			office: null
		});
		expect(await lockContact(other.id, g.guaranteeNumber)).toBeNull();
		expect(await lockContact(org.id, 'NO-SUCH-NUMBER')).toBeNull();
	});

	it('names the issuing office of the latest certificate, with its phone when sent', async () => {
		const org = await makeOrganization();
		const moved = await makeGuarantee({
			organizationId: org.id,
			original: { issuingOfficeName: '千葉支店', issuingOfficePhone: '043-241-6101' },
			amendments: [
				{
					issuedOn: '2026-09-01',
					amendmentReason: '保証期限変更',
					issuingOfficeName: '東京支店',
					issuingOfficePhone: '03-3545-1111'
				}
			]
		});
		expect(await lockContact(org.id, moved.guaranteeNumber)).toEqual({
			issuer: 'テスト建設業保証株式会社',
			office: { name: '東京支店', phone: '03-3545-1111' }
		});
		const noPhone = await makeGuarantee({
			organizationId: org.id,
			original: { issuingOfficeName: '千葉支店' }
		});
		expect((await lockContact(org.id, noPhone.guaranteeNumber))?.office).toEqual({
			name: '千葉支店'
		});
	});
});

describe('what the clerk did last', () => {
	it('offers the purpose of the last successful check, none before any', async () => {
		const org = await makeOrganization();
		const clerk = await makeClerk(org);
		const g = await makeGuarantee({ organizationId: org.id });
		expect(await lastUsedPurpose(clerk)).toBeNull();
		await attempt(clerk, g.guaranteeNumber, g.authKey, 'advance_payment');
		await attempt(clerk, g.guaranteeNumber, otherKey(g.authKey), 'other');
		expect(await lastUsedPurpose(clerk)).toBe('advance_payment');
	});

	it("knows each user's last sign-in, and nothing for one who never signed in", async () => {
		const org = await makeOrganization();
		const signedIn = await makeUser(org.id);
		const never = await makeUser(org.id);
		const login = { organizationCode: org.code, username: signedIn.username };
		await signIn({ ...login, password: signedIn.password }, testContext);
		await signIn({ ...login, password: 'wrong password' }, testContext);
		const last = await lastSignIns(org.id);
		const [success] = (await eventsOf(org.id)).filter(
			(e) => e.action === 'auth.sign-in' && e.outcome === 'success'
		);
		expect(last.get(signedIn.id)).toBe(new Date(success.at).toISOString());
		expect(last.has(never.id)).toBe(false);
	});
});

describe('the CSV an auditor opens', () => {
	it('writes each code as a Japanese label with the code beside it, and the name beside the login', async () => {
		const org = await makeOrganization();
		const clerk = await makeClerk(org, '田中 花子');
		const g = await makeGuarantee({ organizationId: org.id });
		await attempt(clerk, g.guaranteeNumber, otherKey(g.authKey));
		const [event] = (await eventsOf(org.id)).filter((e) => e.action === 'key.attempt');
		const row = auditCsv.row(event, await users.displayNames(org.id));
		expect(row).toContain(
			`"認証キー照合","key.attempt","失敗","failure","認証キーが誤り","wrong-key","利用者","user","田中 花子","${org.code}/${clerk.username}","${g.guaranteeNumber}"`
		);
		expect(row).toContain('"契約時","contract"');
		expect(auditCsv.HEADER.length).toBe(auditCsv.line(auditCsv.HEADER).split('","').length);
		// An unknown code (a newer version's) is written as it is, never dropped.
		expect(auditCsv.row({ ...event, reason: 'some-new-reason' }, new Map())).toContain(
			'"some-new-reason","some-new-reason"'
		);
	});

	it('is named by the day in Japan', () => {
		// 08:30 in Japan on the 6th is still the 5th in UTC.
		expect(auditCsv.fileName('124249', new Date('2026-07-05T23:30:00Z'))).toBe(
			'audit-124249-2026-07-06.csv'
		);
	});
});
