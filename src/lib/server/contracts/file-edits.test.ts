import { describe, expect, it } from 'vitest';
import { actingFor } from '../identity/caller';
import * as attachments from './attachments';
import * as edits from './file-edits';
import * as contracts from './files';
import * as review from './review';
import * as fixtures from '../testing/fixtures';

/** The file page's edits on typed values, as the page's actions call them. */
const typed = {
	worksName: '令和8年度 町道1-23号線舗装修繕工事',
	contractorName: '株式会社白子建設',
	contractAmount: '38,500,000',
	startOn: '2026-07-01',
	endOn: '2027-02-26',
	lowBid: false
};

async function setUp() {
	const org = await fixtures.makeOrganization();
	const clerk = await fixtures.makeUser(org.id);
	const caller = actingFor(fixtures.operatorCaller, org.id);
	const create = (contractNumber: string) =>
		contracts.create(caller, contracts.contractInput.parse({ ...typed, contractNumber }), clerk.id);
	return { org, clerk, caller, file: await create('R8-001'), create };
}

describe('the contract file page edits', () => {
	it('names what it refuses and changes the file when the values are right', async () => {
		const { clerk, caller, file, create } = await setUp();
		await create('R8-002');
		const update = { ...typed, contractNumber: 'R8-002' };
		expect(await edits.update(caller, file, update)).toEqual({ contractNumber: 'duplicate' });
		expect(await edits.update(caller, file, { ...update, contractAmount: '0' })).toHaveProperty(
			'contractAmount'
		);
		expect(await edits.update(caller, file, { ...update, contractNumber: 'R8-003' })).toBeNull();
		expect((await contracts.get(file.organizationId, file.id))?.contractNumber).toBe('R8-003');

		const change = { changedOn: '2026-10-01', contractAmount: '40,000,000', endOn: '', note: '' };
		expect(
			await edits.change(caller, file, { ...change, changedOn: 'x' }, clerk.id)
		).toHaveProperty('changedOn');
		expect(await edits.change(caller, file, change, clerk.id)).toBeNull();
		expect((await review.currentTerms(file)).terms.contractAmount).toBe(40_000_000);

		expect(await edits.complete(caller, file, { completedOn: '2026-13-01' })).toBe('invalid');
		expect(await edits.complete(caller, file, { completedOn: '2027-02-20' })).toBeNull();
		expect((await contracts.get(file.organizationId, file.id))?.completedOn).toBe('2027-02-20');
	});

	it('takes a guarantee or a security off only with a reason, and only one that is there', async () => {
		const { org, clerk, caller, file } = await setUp();
		const g = await fixtures.makeGuarantee({ organizationId: org.id, kind: 'contract' });
		const plain = { acceptMismatch: false, note: '' };
		await attachments.attach(caller, file, g, 'contract', clerk.id, plain);
		const detach = { guaranteeNumber: g.guaranteeNumber, note: '' };
		expect(await edits.detach(caller, file, detach, clerk.id)).toBe('noteRequired');
		const noted = { ...detach, note: '誤って添付' };
		expect(await edits.detach(caller, file, { ...noted, guaranteeNumber: 'X-1' }, clerk.id)).toBe(
			'notAttached'
		);
		expect(await edits.detach(caller, file, noted, clerk.id)).toBeNull();

		const security = { kind: 'contract', method: 'paper', reference: 'P-1', amount: '', note: '' };
		expect(
			await edits.recordSecurity(caller, file, { ...security, method: 'x' }, clerk.id)
		).toHaveProperty('method');
		expect(
			await edits.recordSecurity(caller, file, { ...security, endOn: '' }, clerk.id)
		).toBeNull();
		const [recorded] = (await review.review(file)).securities;
		const withdraw = { id: recorded.id, note: '' };
		expect(await edits.withdrawSecurity(caller, file, withdraw, clerk.id)).toBe('noteRequired');
		const wrongId = { id: crypto.randomUUID(), note: '重複' };
		expect(await edits.withdrawSecurity(caller, file, wrongId, clerk.id)).toBe('notRecorded');
		expect(
			await edits.withdrawSecurity(caller, file, { ...withdraw, note: '重複' }, clerk.id)
		).toBeNull();
		expect((await review.review(file)).missing).toEqual(['contract']);
	});
});
