import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IssuerCaller } from '../identity/caller';
import { asc, eq, like, or } from 'drizzle-orm';
import * as audit from '../audit/append';
import * as auditVerify from '../audit/verify';
import * as authKeys from './auth-keys';
import * as batch from './batch';
import { db } from '../db';
import { auditEvent, certificateVersion, guarantee } from '../db/schema';
import * as issuers from './issuers';
import * as organizations from '../identity/organizations';
import * as signatures from './signatures';
import {
	makeOrganization,
	makeSigningIssuer,
	testContext,
	uniqueOrgCode
} from '../testing/fixtures';

/**
 * The batch endpoint's bulk path (one INSERT per table, `audit.recordMany`) must answer every
 * item exactly as registering it alone would, store exactly the 201s, and keep the audit chain
 * unbroken, also when other writers append to the same chains at the same time.
 */
let counter = 0;
const number = (prefix = 'BT') => `${prefix}${Date.now().toString(36).toUpperCase()}-${counter++}`;

function certificate(ordererCode: string, extra: Record<string, unknown> = {}) {
	return {
		kind: 'advance_payment',
		guaranteeNumber: number(),
		issuedOn: '2026-07-04',
		orderer: { code: ordererCode, name: 'テスト町長' },
		contractor: { name: '株式会社テスト建設', address: '千葉県', representative: '代表 太郎' },
		works: {
			name: '町道舗装修繕工事',
			location: '地内',
			contractAmount: 38_500_000,
			startOn: '2026-07-01',
			endOn: '2027-02-26'
		},
		guarantee: {
			amount: 15_400_000,
			advancePaymentAmount: 15_400_000,
			startOn: '2026-07-04',
			endOn: '2027-02-26'
		},
		...extra
	};
}

async function setup() {
	const org = await makeOrganization();
	const { issuer, sign } = await makeSigningIssuer('バッチ建設業保証');
	const caller: IssuerCaller = {
		kind: 'issuer',
		issuer,
		tokenPrefix: 'kensho_test',
		context: testContext
	};
	const run = (items: unknown[], requireSignature = false) =>
		batch.registerMany(items, {
			caller,
			requireSignature,
			verify: signatures.verifier(issuer.id)
		});
	return { org, issuer, caller, sign, run };
}

async function unregisteredCode() {
	for (;;) {
		const code = uniqueOrgCode();
		if (!(await organizations.findByCode(code))) return code;
	}
}

/** The chain's events in order: seq 1..n without a gap, and `verify` passes. */
/** `chain` with its lanes (audit.ts): every lane numbered 1, 2, 3 … without a gap. */
async function expectUnbroken(chain: string, events: number) {
	const result = await auditVerify.verify({ chain: chain });
	expect(result).toMatchObject({ ok: true, events });
	expect(result.chains).toBeLessThanOrEqual(audit.MAX_LANES);
	const rows = await db
		.select({ chain: auditEvent.chain, seq: auditEvent.seq })
		.from(auditEvent)
		.where(or(eq(auditEvent.chain, chain), like(auditEvent.chain, `${chain}/%`)))
		.orderBy(asc(auditEvent.chain), asc(auditEvent.seq));
	expect(rows).toHaveLength(events);
	for (const lane of new Set(rows.map((r) => r.chain))) {
		const seqs = rows.filter((r) => r.chain === lane).map((r) => r.seq);
		expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
	}
}

async function mixedBatch(t: Awaited<ReturnType<typeof setup>>, beforeMixed = () => {}) {
	const existing = certificate(t.org.code);
	const first = await t.run([existing]);
	expect(first.results[0].status).toBe(201);
	const twice = certificate(t.org.code);
	const unknown = await unregisteredCode();
	const sharedNumber = number();
	const signedBody = certificate(t.org.code);
	const items = [
		certificate(t.org.code), // 0 created
		certificate(t.org.code, { kind: 'oops' }), // 1 invalid field
		certificate(unknown), // 2 unknown orderer
		certificate(t.org.code, { guaranteeNumber: existing.guaranteeNumber }), // 3 already registered
		twice, // 4 created
		{ ...twice, contractor: { ...twice.contractor, name: '別会社' } }, // 5 same number in this batch
		{ ...twice, guaranteeNumber: twice.guaranteeNumber.toLowerCase() }, // 6 same after normalising
		certificate(unknown, { guaranteeNumber: sharedNumber }), // 7 unknown orderer…
		certificate(t.org.code, { guaranteeNumber: sharedNumber }), // 8 …so this one gets the number
		{ jws: await t.sign(signedBody) }, // 9 signed, created
		{ jws: 'not.a.jws' }, // 10 bad signature
		certificate(t.org.code, { kind: 'contract' }), // 11 contract with an advance amount
		certificate(t.org.code, {
			kind: 'contract',
			guarantee: { amount: 3_850_000, startOn: '2026-07-01', endOn: '2027-02-26' }
		}) // 12 created
	];
	beforeMixed();
	const { results } = await t.run(items);
	return { items, results, existing, signedBody };
}

const EXPECTED = [
	[0, 201],
	[1, 422],
	[2, 422],
	[3, 409],
	[4, 201],
	[5, 409],
	[6, 409],
	[7, 422],
	[8, 201],
	[9, 201],
	[10, 422],
	[11, 422],
	[12, 201]
];

describe('batch registration', () => {
	afterEach(() => vi.restoreAllMocks());

	it('answers each item of a mixed batch for itself and stores exactly the 201s', async () => {
		const t = await setup();
		const { items, results, existing, signedBody } = await mixedBatch(t);
		expect(results.map((r) => [r.index, r.status])).toEqual(EXPECTED);
		const problem = (i: number) => ('problem' in results[i] ? results[i].problem : null);
		expect(problem(1)?.errors?.[0].path).toBe('/kind');
		expect(problem(2)).toMatchObject({ detail: 'Unknown orderer' });
		expect(problem(2)?.errors?.[0].path).toBe('/orderer/code');
		expect(problem(3)).toMatchObject({ type: '/problems/duplicate', status: 409 });
		expect(problem(5)?.detail).toContain((items[4] as { guaranteeNumber: string }).guaranteeNumber);
		expect(problem(10)?.type).toBe('/problems/signature');
		expect(problem(11)?.errors?.[0].path).toBe('/guarantee/advancePaymentAmount');

		const created = results
			.filter((r) => r.status === 201)
			.map((r) => ('body' in r ? r.body : null)!);
		expect(created[3]).toMatchObject({ signed: true, guaranteeNumber: signedBody.guaranteeNumber });
		const stored = await db
			.select()
			.from(guarantee)
			.where(eq(guarantee.issuerId, t.issuer.id))
			.orderBy(asc(guarantee.guaranteeNumber));
		expect(stored.map((g) => g.guaranteeNumber).sort()).toEqual(
			[existing.guaranteeNumber, ...created.map((c) => c.guaranteeNumber)].sort()
		);
		for (const body of created) {
			const row = stored.find((g) => g.id === body.id)!;
			expect(row.guaranteeNumber).toBe(body.guaranteeNumber);
			// Only the key's hash is stored, and it matches the key shown once in the answer.
			const canonical = body.authKey.replaceAll('-', '');
			expect(body.qr).toBe(`KENSHO:1:${body.guaranteeNumber}:${body.authKey}`);
			expect(authKeys.matches(row.authKeyHash, row.id, canonical)).toBe(true);
			const versions = await db
				.select()
				.from(certificateVersion)
				.where(eq(certificateVersion.guaranteeId, row.id));
			expect(versions.map((v) => v.version)).toEqual([1]);
		}
		// The raw submission is kept as received: the item's JSON, or the JWS.
		const [plain] = await db
			.select({ raw: certificateVersion.rawSubmission, type: certificateVersion.rawContentType })
			.from(certificateVersion)
			.where(eq(certificateVersion.guaranteeId, created[0].id));
		expect(plain).toEqual({ raw: JSON.stringify(items[0]), type: 'application/json' });
		const [signed] = await db
			.select({ raw: certificateVersion.rawSubmission, kid: certificateVersion.signatureKid })
			.from(certificateVersion)
			.where(eq(certificateVersion.guaranteeId, created[3].id));
		expect(signed).toEqual({ raw: (items[9] as { jws: string }).jws, kid: 'k1' });
		const existingRow = stored.find((g) => g.guaranteeNumber === existing.guaranteeNumber)!;
		expect(existingRow.id).not.toBe(created[0].id);

		// Two batches: 1 + 5 register events and 2 batch events, one unbroken chain.
		const chain = `issuer:${t.issuer.id}`;
		await expectUnbroken(chain, 8);
		const events = await db
			.select()
			.from(auditEvent)
			.where(eq(auditEvent.chain, chain))
			.orderBy(asc(auditEvent.seq));
		expect(events.slice(2).map((e) => [e.action, e.guaranteeNumber])).toEqual([
			...created.map((c) => ['certificate.register', c.guaranteeNumber]),
			['certificate.batch', null]
		]);
		expect(events.at(-1)).toMatchObject({
			outcome: 'failure',
			detail: {
				items: 13,
				created: 5,
				failed: EXPECTED.filter(([, s]) => s !== 201).map(([index, status]) => ({ index, status }))
			}
		});
		// No auth key reaches the audit trail.
		const trail = JSON.stringify(events);
		for (const body of created) expect(trail).not.toContain(body.authKey);
	});

	it('answers the same when the bulk insert fails and items run one by one', async () => {
		const t = await setup();
		const injectFailure = () =>
			vi.spyOn(audit, 'recordMany').mockRejectedValueOnce(new Error('injected'));
		const { results } = await mixedBatch(t, injectFailure);
		expect(audit.recordMany).toHaveBeenCalledTimes(1);
		expect(results.map((r) => [r.index, r.status])).toEqual(EXPECTED);
		const stored = await db
			.select({ id: guarantee.id })
			.from(guarantee)
			.where(eq(guarantee.issuerId, t.issuer.id));
		// 1 from the first batch + 5 from the mixed one, registered one by one.
		expect(stored).toHaveLength(6);
		await expectUnbroken(`issuer:${t.issuer.id}`, 8);
	});

	it('takes 1,000 items in one request, signed or not', async () => {
		const t = await setup();
		const plain = Array.from({ length: 1000 }, () => certificate(t.org.code));
		const { results } = await t.run(plain);
		expect(results.filter((r) => r.status === 201)).toHaveLength(1000);
		const signed = await Promise.all(
			Array.from({ length: 200 }, async () => ({ jws: await t.sign(certificate(t.org.code)) }))
		);
		const second = await t.run(signed, true);
		expect(second.results.every((r) => r.status === 201)).toBe(true);
		const count = await db.$count(guarantee, eq(guarantee.issuerId, t.issuer.id));
		expect(count).toBe(1200);
		await expectUnbroken(`issuer:${t.issuer.id}`, 1202);
	});

	it('a second batch with the same numbers gets 409 for each', async () => {
		const t = await setup();
		const items = Array.from({ length: 20 }, () => certificate(t.org.code));
		const [a, b] = await Promise.all([t.run(items), t.run(items)]);
		const statuses = a.results.map((r, i) => [r.status, b.results[i].status].sort());
		expect(statuses.every(([x, y]) => x === 201 && y === 409)).toBe(true);
		const count = await db.$count(guarantee, eq(guarantee.issuerId, t.issuer.id));
		expect(count).toBe(20);
		await expectUnbroken(`issuer:${t.issuer.id}`, 22);
	});
});

describe('audit.recordMany', () => {
	it('keeps chains unbroken among concurrent record and recordMany writers', async () => {
		const org = await makeOrganization();
		const issuer = await issuers.add({
			code: `rm${crypto.randomUUID().slice(0, 8)}`,
			name: '連鎖'
		});
		const orgChain = `org:${org.id}`;
		const issuerChain = `issuer:${issuer.id}`;
		const before = (await auditVerify.verify({ chain: orgChain })).events;
		const event = (i: number, onOrg: boolean): audit.EventInput => ({
			action: 'test.event',
			outcome: 'success',
			actor: { type: 'operator', label: 'test' },
			context: testContext,
			...(onOrg ? { organizationId: org.id } : { issuerId: issuer.id }),
			detail: { i, nested: { b: 2, a: [1, { d: 4, c: 3 }] } }
		});
		let n = 0;
		const writers = Array.from({ length: 24 }, (_, w) => {
			if (w % 3 === 0) return audit.record(event(n++, w % 2 === 0));
			// Events of both chains, in either order, in one call.
			const events = Array.from({ length: 10 }, (_, i) => event(n++, (i + w) % 2 === 0));
			return w % 2 ? audit.recordMany(events) : audit.recordMany(events.reverse());
		});
		await Promise.all(writers);
		// 8 single events and 16 × 10 in bulk: 84 on each chain.
		await expectUnbroken(orgChain, before + 84);
		await expectUnbroken(issuerChain, 84);
		const heads = await audit.recordMany([event(n++, true), event(n++, false)]);
		// The returned heads are the chains' real heads: `verify` accepts them as anchors. (Only
		// these chains: other test files may break theirs on purpose in a shared database.)
		for (const chain of [orgChain, issuerChain])
			expect((await auditVerify.verify({ chain: chain, anchors: heads })).ok).toBe(true);
		// One call, one lane per chain (its first): the heads returned are those lanes'.
		expect(heads.map((h) => h.chain).sort()).toEqual([orgChain, issuerChain].sort());
		expect(await audit.recordMany([])).toEqual([]);
	});

	it('rolls back with the transaction it is given', async () => {
		const issuer = await issuers.add({
			code: `rb${crypto.randomUUID().slice(0, 8)}`,
			name: '巻戻'
		});
		const input: audit.EventInput = {
			action: 'test.event',
			outcome: 'success',
			actor: { type: 'operator', label: 'test' },
			context: testContext,
			issuerId: issuer.id
		};
		await audit.record(input);
		await expect(
			db.transaction(async (tx) => {
				await audit.recordMany([input, input], tx);
				throw new Error('rollback');
			})
		).rejects.toThrow('rollback');
		await audit.recordMany([input]);
		await expectUnbroken(`issuer:${issuer.id}`, 2);
	});
});
