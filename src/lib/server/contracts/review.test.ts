import { describe, expect, it } from 'vitest';
import { actingFor } from '../identity/caller';
import { and, asc, eq } from 'drizzle-orm';
import { db } from '../db';
import { auditEvent, contractGuarantee } from '../db/schema';
import * as issuers from '../issuing/issuers';
import * as attachments from './attachments';
import * as contracts from './files';
import * as review from './review';
import * as rules from './rules';
import * as securities from './securities';
import { attachedGuarantees } from './review-reads';
import { queriesOf } from '../testing/queries';
import { inJapanese } from '../testing/contract-terms';
import { makeGuarantee, makeOrganization, makeUser, operatorCaller } from '../testing/fixtures';

/** The review as a clerk meets it: on a real database, through the modules the pages call. */
const input = (over: Record<string, unknown> = {}) =>
	contracts.contractInput.parse({
		contractNumber: `R8-${crypto.randomUUID().slice(0, 6)}`,
		worksName: '令和8年度 町道1-23号線舗装修繕工事',
		contractorName: '株式会社白子建設',
		contractAmount: '38,500,000',
		startOn: '2026-07-01',
		endOn: '2027-02-26',
		lowBid: false,
		...over
	});

async function setUp(over: Record<string, unknown> = {}) {
	const org = await makeOrganization();
	const caller = actingFor(operatorCaller, org.id);
	const file = await contracts.create(caller, input(over), null);
	return { org, caller, file };
}
const plain = { acceptMismatch: false, note: '' };
const resultOf = (checks: { name: string; result: string }[], name: string) =>
	checks.find((c) => c.name === name)?.result;
const actions = async (organizationId: string) =>
	(
		await db
			.select({ action: auditEvent.action, outcome: auditEvent.outcome, detail: auditEvent.detail })
			.from(auditEvent)
			.where(eq(auditEvent.organizationId, organizationId))
			.orderBy(asc(auditEvent.seq))
	).map((e) => ({ ...e, detail: e.detail as Record<string, unknown> }));

describe('attaching, confirming a difference, detaching', () => {
	it('refuses another works and contractor, then attaches with a note and warns with it', async () => {
		const { org, caller, file } = await setUp();
		const other = await makeGuarantee({
			organizationId: org.id,
			kind: 'contract',
			original: { worksName: '令和8年度 排水路改良工事', contractorName: '㈱九十九里建設' }
		});
		const refused = await attachments.attach(caller, file, other, 'contract', null, plain);
		expect(refused).toEqual({
			attached: false,
			differences: [
				{ field: 'worksName', certificate: '令和8年度 排水路改良工事', file: file.worksName },
				{ field: 'contractorName', certificate: '㈱九十九里建設', file: '株式会社白子建設' }
			]
		});
		// Ticking "accept" without a note is refused the same way.
		const noNote = { acceptMismatch: true, note: '' };
		expect((await attachments.attach(caller, file, other, 'contract', null, noNote)).attached).toBe(
			false
		);
		expect((await review.review(file)).guarantees).toEqual([]);

		const note = { acceptMismatch: true, note: '工事名は契約書の略称。受注者は同一（登記で確認）' };
		expect(await attachments.attach(caller, file, other, 'contract', null, note)).toEqual({
			attached: true
		});
		const [g] = (await review.review(file)).guarantees;
		expect(g.mismatchNote).toBe(note.note);
		const same = g.checks.find((c) => c.name === 'same-works')!;
		expect(same.result).toBe('warn');
		expect(same.reason).toMatchObject({ code: 'works-differ', params: { note: note.note } });
		expect(g.comparison.filter((row) => !row.same).map((row) => row.field)).toEqual([
			'worksName',
			'contractorName'
		]);
		const trail = await actions(org.id);
		expect(trail.filter((e) => e.action === 'contract.attach').map((e) => e.outcome)).toEqual([
			'failure',
			'failure',
			'success'
		]);
		expect(trail.at(-1)?.detail).toMatchObject({ note: note.note });
	});

	it('takes a wrong attachment off with a note, keeps it on the record, and may attach it again', async () => {
		const { org, caller, file } = await setUp();
		const clerk = await makeUser(org.id);
		const g = await makeGuarantee({ organizationId: org.id, kind: 'contract' });
		await attachments.attach(caller, file, g, 'contract', clerk.id, plain);
		const second = await contracts.create(caller, input(), null);
		await attachments.attach(caller, second, g, 'contract', null, plain);
		expect(resultOf((await review.review(second)).guarantees[0].checks, 'one-contract')).toBe(
			'fail'
		);

		expect(
			await attachments.detach(
				caller,
				file,
				g.guaranteeNumber,
				'別案件の保証を誤って添付',
				clerk.id
			)
		).toBe(true);
		expect(await attachments.detach(caller, file, g.guaranteeNumber, 'again', clerk.id)).toBe(
			false
		);
		const after = await review.review(file);
		expect(after.guarantees).toEqual([]);
		expect(after.missing).toEqual(['contract']);
		expect(after.detached).toMatchObject([
			{ guaranteeNumber: g.guaranteeNumber, note: '別案件の保証を誤って添付', kind: 'contract' }
		]);
		// The other file no longer shares it.
		expect(resultOf((await review.review(second)).guarantees[0].checks, 'one-contract')).toBe(
			'pass'
		);
		const detached = (await actions(org.id)).find((e) => e.action === 'contract.detach');
		expect(detached?.detail).toMatchObject({ note: '別案件の保証を誤って添付' });

		await attachments.attach(caller, file, g, 'contract', null, plain);
		const links = await db
			.select()
			.from(contractGuarantee)
			.where(and(eq(contractGuarantee.contractFileId, file.id)));
		expect(links).toHaveLength(1);
	});
});

describe('reading the attached guarantees', () => {
	it('reads every guarantee with its latest certificate in three queries, however many', async () => {
		const { org, caller, file } = await setUp({
			advancePaymentAmount: '15,400,000',
			intermediateAdvancePaymentAmount: '7,700,000'
		});
		const contract = await makeGuarantee({ organizationId: org.id, kind: 'contract' });
		await attachments.attach(caller, file, contract, 'contract', null, plain);
		const one = await queriesOf(() => attachedGuarantees(file, '2026-08-01'));
		expect(one.result.map((a) => a.row.guarantee.id)).toEqual([contract.id]);

		const advance = await makeGuarantee({
			organizationId: org.id,
			amendments: [
				{ issuedOn: '2026-09-01', amendmentReason: '保証期限変更', guaranteeEndOn: '2027-03-31' },
				{ issuedOn: '2026-10-01', amendmentReason: '増額', guaranteeAmount: 15_500_000 }
			]
		});
		const intermediate = await makeGuarantee({
			organizationId: org.id,
			kind: 'intermediate_advance_payment',
			original: { guaranteeAmount: 7_700_000, advancePaymentAmount: 7_700_000 },
			cancelled: { cancelledOn: '2026-11-01', reason: '契約解除' }
		});
		await attachments.attach(caller, file, advance, 'advance_payment', null, plain);
		await attachments.attach(
			caller,
			file,
			intermediate,
			'intermediate_advance_payment',
			null,
			plain
		);
		const three = await queriesOf(() => attachedGuarantees(file, '2026-12-01'));
		expect(
			three.result.map(({ row, latest, status }) => ({
				id: row.guarantee.id,
				version: latest.version,
				amount: latest.guaranteeAmount,
				endOn: latest.guaranteeEndOn,
				status
			}))
		).toEqual([
			{ id: contract.id, version: 1, amount: 3_850_000, endOn: '2099-02-26', status: 'valid' },
			{ id: advance.id, version: 3, amount: 15_500_000, endOn: '2027-03-31', status: 'valid' },
			{
				id: intermediate.id,
				version: 1,
				amount: 7_700_000,
				endOn: '2099-02-26',
				status: 'cancelled'
			}
		]);
		expect(three.queries).toHaveLength(3);
		expect(one.queries).toHaveLength(3);
		// The whole review reads no more for three guarantees than for one.
		const reviewOfThree = await queriesOf(() => review.review(file));
		expect(reviewOfThree.result.guarantees.map((g) => g.version)).toEqual([1, 3, 1]);
		const single = await setUp();
		const alone = await makeGuarantee({ organizationId: single.org.id, kind: 'contract' });
		await attachments.attach(single.caller, single.file, alone, 'contract', null, plain);
		const reviewOfOne = await queriesOf(() => review.review(single.file));
		expect(reviewOfThree.queries).toHaveLength(reviewOfOne.queries.length);
	});
});

describe('other forms of security', () => {
	it('a paper 契約保証 counts as submitted, and its amount and end date are checked', async () => {
		const { caller, file } = await setUp({ advancePaymentAmount: '15,400,000' });
		expect((await review.review(file)).fileChecks[0]).toMatchObject({ result: 'warn' });
		const paper = securities.securityInput.parse({
			kind: 'contract',
			method: 'insurance',
			reference: 'PB-2026-0042',
			amount: '3,849,999',
			endOn: '2027-02-26',
			note: ''
		});
		await securities.record(caller, file, paper, null);
		const after = await review.review(file);
		expect(after.missing).toEqual(['advance_payment']);
		expect(after.securities[0].checks.map((c) => [c.name, c.result])).toEqual([
			['contract-ratio', 'fail'],
			['period', 'pass']
		]);
		expect(after.result).toBe('fail');
		const exempt = securities.securityInput.parse({
			kind: 'advance_payment',
			method: 'paper',
			reference: 'E12-2026-P0001',
			amount: '15400000'
		});
		await securities.record(caller, file, exempt, null);
		const [submitted] = (await review.review(file)).fileChecks;
		expect(submitted).toMatchObject({
			result: 'pass',
			reason: {
				code: 'all-submitted',
				params: {
					given: [
						{ kind: 'contract', how: ['insurance'] },
						{ kind: 'advance_payment', how: ['paper'] }
					]
				}
			}
		});
		expect(inJapanese(submitted)).toContain('契約保証（履行保証保険）、前払金保証（紙の保証証書）');
	});

	it('records a double click once, and a withdrawn record no longer counts', async () => {
		const { org, caller, file } = await setUp();
		const paper = securities.securityInput.parse({
			kind: 'contract',
			method: 'paper',
			reference: 'E12-2026-P0009',
			amount: '3850000'
		});
		await Promise.all(
			Array.from({ length: 8 }, () => securities.record(caller, file, paper, null))
		);
		let now = await review.review(file);
		expect(now.securities).toHaveLength(1);
		expect(now.missing).toEqual([]);
		const id = now.securities[0].id;
		expect(await securities.withdraw(caller, file, id, '別案件の証書を記録した', null)).toBe(true);
		expect(await securities.withdraw(caller, file, id, 'again', null)).toBe(false);
		expect(await securities.withdraw(caller, file, 'not-a-uuid', 'x', null)).toBe(false);
		now = await review.review(file);
		expect(now.missing).toEqual(['contract']);
		expect(now.securities[0]).toMatchObject({ withdrawNote: '別案件の証書を記録した', checks: [] });
		// Recorded again after the withdrawal: a new record.
		await securities.record(caller, file, paper, null);
		expect((await review.review(file)).missing).toEqual([]);
		const trail = (await actions(org.id)).map((e) => e.action);
		expect(trail.filter((a) => a === 'contract.other-security')).toHaveLength(2);
		expect(trail).toContain('contract.withdraw-security');
	});

	it('refuses 免除 without its reason, and an advance guaranteed other than on paper', () => {
		const codes = (raw: Record<string, string>) => {
			const parsed = securities.securityInput.safeParse(raw);
			return parsed.success ? {} : contracts.fieldErrors(parsed.error);
		};
		expect(codes({ kind: 'contract', method: 'exempt' })).toEqual({ note: 'noteRequired' });
		expect(
			codes({ kind: 'contract', method: 'exempt', note: '契約規則第30条第3号（少額）' })
		).toEqual({});
		expect(codes({ kind: 'advance_payment', method: 'bond', reference: 'X' })).toEqual({
			method: 'advanceOnlyPaper'
		});
		expect(codes({ kind: 'contract', method: 'cash' })).toEqual({ reference: 'referenceRequired' });
	});
});

describe("the organisation's rules", () => {
	it("an admin change is audited before/after and changes the same file's verdict", async () => {
		const { org, caller, file } = await setUp({ lowBid: true, advancePaymentAmount: '15,400,000' });
		const g = await makeGuarantee({ organizationId: org.id, kind: 'advance_payment' });
		await attachments.attach(caller, file, g, 'advance_payment', null, plain);
		const advanceRatio = async () =>
			resultOf((await review.review(file)).guarantees[0].checks, 'advance-ratio');
		expect(await advanceRatio()).toBe('pass');
		const admin = await makeUser(org.id, 'admin');
		const changed = { ...rules.DEFAULT_RULES, lowBidAdvanceTenths: 2 };
		await rules.save(caller, changed, admin.id);
		expect(await advanceRatio()).toBe('fail');
		const inForce = await rules.inForce(org.id);
		expect(inForce).toMatchObject({ lowBidAdvanceTenths: 2, changedBy: admin.username });
		// Saving the same values again changes nothing and writes nothing.
		await rules.save(caller, changed, admin.id);
		const updates = (await actions(org.id)).filter((e) => e.action === 'rules.update');
		expect(updates.map((e) => e.detail)).toEqual([
			{ before: { lowBidAdvanceTenths: null }, after: { lowBidAdvanceTenths: 2 } }
		]);
	});

	it('reads the admin form: tenths 1–4, the three units, a cap in yen or none', () => {
		const form = {
			serviceAdvanceTenths: '3',
			lowBidAdvanceTenths: '',
			advanceRoundingUnit: '10000',
			advanceCap: '１００,０００,０００円',
			increaseShortfall: 'fail'
		};
		expect(rules.rulesInput.parse(form)).toEqual({
			serviceAdvanceTenths: 3,
			lowBidAdvanceTenths: null,
			advanceRoundingUnit: 10_000,
			advanceCap: 100_000_000,
			increaseShortfall: 'fail'
		});
		for (const bad of [
			{ serviceAdvanceTenths: '5' },
			{ advanceRoundingUnit: '1000' },
			{ advanceCap: '1.5億' },
			{ increaseShortfall: 'ignore' }
		]) {
			expect(rules.rulesInput.safeParse({ ...form, ...bad }).success, JSON.stringify(bad)).toBe(
				false
			);
		}
	});
});

describe('issuer type, completion', () => {
	it('an advance guarantee stored from an insurer fails issuer-type', async () => {
		const { org, caller, file } = await setUp({ advancePaymentAmount: '15,400,000' });
		const insurer = await issuers.add({
			code: `ins-${crypto.randomUUID().slice(0, 8)}`,
			name: 'テスト損害保険株式会社',
			type: 'insurer'
		});
		const g = await makeGuarantee({ organizationId: org.id, issuerId: insurer.id });
		await attachments.attach(caller, file, g, 'advance_payment', null, plain);
		expect(resultOf((await review.review(file)).guarantees[0].checks, 'issuer-type')).toBe('fail');
	});

	it('a file marked 完了 stops alarming on guarantees that ended with the works', async () => {
		const { org, caller, file } = await setUp({ startOn: '2025-04-01', endOn: '2025-09-30' });
		const ended = await makeGuarantee({
			organizationId: org.id,
			kind: 'contract',
			original: {
				worksStartOn: '2025-04-01',
				worksEndOn: '2025-09-30',
				guaranteeEndOn: '2025-09-30'
			}
		});
		await attachments.attach(caller, file, ended, 'contract', null, plain);
		const before = await review.review(file);
		expect(resultOf(before.guarantees[0].checks, 'status')).toBe('fail');
		expect(before.attention).toBe(true);
		await contracts.complete(caller, file, '2025-09-26');
		const done = (await contracts.get(org.id, file.id))!;
		const after = await review.review(done);
		expect(after.guarantees[0].checks.find((c) => c.name === 'status')).toMatchObject({
			result: 'pass',
			reason: { code: 'expired-after-completion', params: { completedOn: '2025-09-26' } }
		});
		expect(after.attention).toBe(false);
		expect((await actions(org.id)).map((e) => e.action)).toContain('contract.complete');
	});
});
