import { describe, expect, it } from 'vitest';
import { actingFor, type TenantCaller } from '../identity/caller';
import { asc, eq } from 'drizzle-orm';
import { db } from '../db';
import { auditEvent, certificateVersion, guarantee as guaranteeTable } from '../db/schema';
import * as contracts from './files';
import * as review from './review';
import * as attachments from './attachments';
import { makeGuarantee, makeOrganization, operatorCaller } from '../testing/fixtures';

const raw = (over: Record<string, unknown> = {}) => ({
	contractNumber: `R8-${crypto.randomUUID().slice(0, 6)}`,
	worksName: '令和8年度 町道1-23号線舗装修繕工事',
	contractorName: '株式会社白子建設',
	contractAmount: '38,500,000',
	startOn: '2026-07-01',
	endOn: '2027-02-26',
	lowBid: false,
	advancePaymentAmount: '15400000',
	...over
});
const input = (over: Record<string, unknown> = {}) => contracts.contractInput.parse(raw(over));

async function setUp() {
	const org = await makeOrganization();
	const caller = actingFor(operatorCaller, org.id);
	return { org, caller };
}

/** Attaches as the page does when the names agree. */
const attach = (
	caller: TenantCaller,
	file: Parameters<typeof attachments.attach>[1],
	g: { id: string; guaranteeNumber: string },
	purpose: string
) => attachments.attach(caller, file, g, purpose, null, { acceptMismatch: false, note: '' });

const byName = (checks: { name: string; result: string }[]) =>
	Object.fromEntries(checks.map((c) => [c.name, c.result]));

describe('contract files', () => {
	it('reads amounts as clerks type them and refuses what is not an amount', () => {
		expect(input({ contractAmount: '￥３８，５００，０００円' }).contractAmount).toBe(38_500_000);
		const bad = contracts.contractInput.safeParse(raw({ contractAmount: '38.5万' }));
		expect(bad.success).toBe(false);
		if (!bad.success) {
			expect(contracts.fieldErrors(bad.error)).toMatchObject({ contractAmount: 'invalid' });
		}
		for (const day of ['0000-01-01', '1899-12-31', '2200-01-01']) {
			const odd = contracts.contractInput.safeParse(raw({ contractedOn: day }));
			expect(odd.success || contracts.fieldErrors(odd.error), day).toEqual({
				contractedOn: 'date'
			});
		}
		expect(input({ fiscalYear: '令和8年度', fiscalYearAmount: '10,000,000' }).fiscalYear).toBe(
			2026
		);
		expect(input({ fiscalYear: 'R8', fiscalYearAmount: '1' }).fiscalYear).toBe(2026);
		expect(input({ fiscalYear: '平成31', fiscalYearAmount: '1' }).fiscalYear).toBe(2019);
		// A price that does not read is named alone, not also as "below the year's amount".
		const unread = contracts.contractInput.safeParse(
			raw({ contractAmount: '一千万', fiscalYear: '2026', fiscalYearAmount: '1000' })
		);
		expect(unread.success || contracts.fieldErrors(unread.error)).toEqual({
			contractAmount: 'invalid'
		});
		const lonely = contracts.contractInput.safeParse(raw({ fiscalYear: '2026' }));
		expect(lonely.success || contracts.fieldErrors(lonely.error)).toEqual({
			fiscalYearAmount: 'fiscalPair'
		});
		const backwards = contracts.contractInput.safeParse(raw({ endOn: '2026-06-30' }));
		expect(backwards.success || contracts.fieldErrors(backwards.error)).toEqual({
			endOn: 'beforeStart'
		});
	});

	it('belong to one organisation: another gets nothing, duplicates are refused', async () => {
		const { org, caller } = await setUp();
		const other = await makeOrganization();
		const file = await contracts.create(caller, input({ contractNumber: 'R8-001' }), null);
		expect(await contracts.get(org.id, file.id)).not.toBeNull();
		expect(await contracts.get(other.id, file.id)).toBeNull();
		expect(await contracts.get(org.id, 'not-a-uuid')).toBeNull();
		await expect(
			contracts.create(caller, input({ contractNumber: 'R8-001' }), null)
		).rejects.toBeInstanceOf(contracts.DuplicateContractError);
	});

	it('corrects a file, refusing a contract number another file already has', async () => {
		const { org, caller } = await setUp();
		const a = await contracts.create(caller, input({ contractNumber: 'R8-201' }), null);
		await contracts.create(caller, input({ contractNumber: 'R8-202' }), null);
		await contracts.update(
			caller,
			a,
			input({ contractNumber: 'R8-201', worksName: '訂正後の工事名' })
		);
		expect((await contracts.get(org.id, a.id))?.worksName).toBe('訂正後の工事名');
		await expect(
			contracts.update(caller, a, input({ contractNumber: 'R8-202' }))
		).rejects.toBeInstanceOf(contracts.DuplicateContractError);
		expect((await contracts.get(org.id, a.id))?.contractNumber).toBe('R8-201');
	});

	it('checks an attached guarantee, and a 変更契約 turns the ratio to fail', async () => {
		const { org, caller } = await setUp();
		const file = await contracts.create(caller, input(), null);
		const g = await makeGuarantee({ organizationId: org.id, kind: 'contract' });
		await attach(caller, file, g, 'contract');
		await review.confirm(caller, file, g.id);
		let result = await review.review(file);
		expect(byName(result.guarantees[0].checks)).toEqual({
			'addressed-to-us': 'pass',
			'same-works': 'pass',
			'contract-amount': 'pass',
			'works-period': 'pass',
			'contract-ratio': 'pass',
			period: 'pass',
			'issuer-type': 'pass',
			status: 'pass',
			'one-contract': 'pass'
		});
		expect(result.missing).toEqual(['advance_payment']);
		expect(result.fileChecks).toEqual([
			{
				name: 'submitted',
				result: 'warn',
				reason: { code: 'missing', params: { kinds: ['advance_payment'] } }
			}
		]);

		await contracts.addChange(
			caller,
			file,
			contracts.changeInput.parse({ changedOn: '2026-10-01', contractAmount: '42,350,000' }),
			null
		);
		result = await review.review(file);
		expect(result.terms.contractAmount).toBe(42_350_000);
		// 増額: the orderer may ask for more (warn by default), and the certificate predates it.
		expect(byName(result.guarantees[0].checks)['contract-ratio']).toBe('warn');
		expect(byName(result.guarantees[0].checks)['contract-amount']).toBe('warn');
		expect(result.attention).toBe(true);
	});

	it('flags one guarantee attached to two files on both', async () => {
		const { org, caller } = await setUp();
		const a = await contracts.create(caller, input(), null);
		const b = await contracts.create(caller, input(), null);
		const g = await makeGuarantee({ organizationId: org.id, kind: 'contract' });
		await attach(caller, a, g, 'contract');
		await attach(caller, b, g, 'contract');
		for (const file of [a, b]) {
			const checks = byName((await review.review(file)).guarantees[0].checks);
			expect(checks['one-contract']).toBe('fail');
		}
	});

	it('shows what changed in a guarantee since the last check, until the clerk confirms', async () => {
		const { org, caller } = await setUp();
		const file = await contracts.create(caller, input(), null);
		const g = await makeGuarantee({ organizationId: org.id, kind: 'contract' });
		await attach(caller, file, g, 'contract');
		await review.confirm(caller, file, g.id);
		expect((await review.review(file)).guarantees[0].differences).toEqual([]);

		// Months later: the issuer sent a change certificate (増額, 保証期限変更), then cancelled.
		const [v1] = await db
			.select()
			.from(certificateVersion)
			.where(eq(certificateVersion.guaranteeId, g.id));
		const { id: _id, createdAt: _at, ...fields } = v1;
		await db.insert(certificateVersion).values({
			...fields,
			version: 2,
			issuedOn: '2026-10-05',
			amendmentReason: '増額',
			guaranteeAmount: 4_235_000,
			guaranteeEndOn: '2099-03-31'
		});
		await db
			.update(guaranteeTable)
			.set({ status: 'cancelled', cancelledOn: '2026-11-01', cancellationReason: 'テスト' })
			.where(eq(guaranteeTable.id, g.id));
		const later = (await review.review(file)).guarantees[0];
		expect(later.differences).toEqual([
			{ field: 'version', from: 1, to: 2 },
			{ field: 'status', from: 'valid', to: 'cancelled' },
			{ field: 'guaranteeAmount', from: 3_850_000, to: 4_235_000 },
			{ field: 'guaranteeEndOn', from: '2099-02-26', to: '2099-03-31' }
		]);
		expect(byName(later.checks).status).toBe('fail');

		await review.confirm(caller, file);
		expect((await review.review(file)).guarantees[0].differences).toEqual([]);
		const events = await db
			.select({ action: auditEvent.action, detail: auditEvent.detail })
			.from(auditEvent)
			.where(eq(auditEvent.organizationId, org.id))
			.orderBy(asc(auditEvent.seq));
		expect(events.map((e) => e.action)).toEqual([
			'contract.create',
			'contract.attach',
			'contract.confirm'
		]);
		expect(events[2].detail).toMatchObject({ changed: [g.guaranteeNumber] });
	});

	it('checks 前払金 + 中間前払金 against the advance guaranteed, else the one planned', async () => {
		const { org, caller } = await setUp();
		const intermediate = { guaranteeAmount: 7_700_000, advancePaymentAmount: 7_700_000 };
		const ratioWith = async (plannedAdvance: string, advanceGuaranteed?: number) => {
			const file = await contracts.create(
				caller,
				input({ advancePaymentAmount: plannedAdvance, intermediateCertifiedOn: '2026-11-10' }),
				null
			);
			if (advanceGuaranteed) {
				const a = await makeGuarantee({
					organizationId: org.id,
					kind: 'advance_payment',
					original: { guaranteeAmount: advanceGuaranteed, advancePaymentAmount: advanceGuaranteed }
				});
				await attach(caller, file, a, 'advance_payment');
			}
			const g = await makeGuarantee({
				organizationId: org.id,
				kind: 'intermediate_advance_payment',
				original: intermediate
			});
			await attach(caller, file, g, 'intermediate_advance_payment');
			const all = (await review.review(file)).guarantees;
			return byName(all.find((x) => x.kind === 'intermediate_advance_payment')!.checks)[
				'intermediate-ratio'
			];
		};
		expect(await ratioWith('15,400,000')).toBe('pass');
		expect(await ratioWith('15,400,001')).toBe('fail');
		expect(await ratioWith('10,000,000', 15_400_001)).toBe('fail');
		expect(await ratioWith('20,000,000', 15_400_000)).toBe('pass');
	});
});
