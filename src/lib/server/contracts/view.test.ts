import { describe, expect, it } from 'vitest';
import { actingFor } from '../identity/caller';
import { and, eq } from 'drizzle-orm';
import { db } from '../db';
import { auditEvent } from '../db/schema';
import * as attachments from './attachments';
import * as contracts from './files';
import { view } from './view';
import { makeGuarantee, makeOrganization, operatorCaller } from '../testing/fixtures';
import { asSuperuser, noSuperuser } from '../testing/superuser';

/** The contract file page and its record: certificate data only with its audit event. */
async function fileWithGuarantees() {
	const org = await makeOrganization();
	const caller = actingFor(operatorCaller, org.id);
	const file = await contracts.create(
		caller,
		contracts.contractInput.parse({
			contractNumber: `R8-${crypto.randomUUID().slice(0, 6)}`,
			worksName: '令和8年度 町道1-23号線舗装修繕工事',
			contractorName: '株式会社白子建設',
			contractAmount: '38500000',
			startOn: '2026-07-01',
			endOn: '2027-02-26',
			lowBid: false
		}),
		null
	);
	const guarantees = [
		await makeGuarantee({ organizationId: org.id, kind: 'contract' }),
		await makeGuarantee({ organizationId: org.id })
	];
	// The fixtures' names differ from the file's: attached as a clerk who checked them would.
	const checked = { acceptMismatch: true, note: '名称は変更契約で確認済み' };
	for (const g of guarantees) await attachments.attach(caller, file, g, 'contract', null, checked);
	return { org, caller, file, guarantees };
}

const eventsOf = (organizationId: string, action: string) =>
	db
		.select()
		.from(auditEvent)
		.where(and(eq(auditEvent.organizationId, organizationId), eq(auditEvent.action, action)));

describe('contract file view', () => {
	it('records contract.view naming every guarantee shown, and contract.print for the record', async () => {
		const { org, caller, file, guarantees } = await fileWithGuarantees();
		const shown = await view(caller, file, 'contract.view');
		expect(shown.guarantees.map((g) => g.guaranteeNumber).sort()).toEqual(
			guarantees.map((g) => g.guaranteeNumber).sort()
		);
		const [event] = await eventsOf(org.id, 'contract.view');
		expect(event).toMatchObject({ outcome: 'success' });
		expect(event.detail).toMatchObject({
			contractNumber: file.contractNumber,
			guarantees: expect.arrayContaining(
				guarantees.map((g) => ({ id: g.id, number: g.guaranteeNumber, version: 1 }))
			)
		});
		await view(caller, file, 'contract.print');
		expect(await eventsOf(org.id, 'contract.print')).toHaveLength(1);
	});

	it.skipIf(noSuperuser)(
		'shows nothing when its event cannot be written (fail closed)',
		async () => {
			const { org, caller, file } = await fileWithGuarantees();
			// The database refuses this organisation's contract.view rows, and only those.
			await asSuperuser((run) =>
				run(`alter table audit_event add constraint test_no_contract_view
				check (action <> 'contract.view' or organization_id <> '${org.id}') not valid`)
			);
			try {
				await expect(view(caller, file, 'contract.view')).rejects.toThrow();
			} finally {
				await asSuperuser((run) =>
					run(`alter table audit_event drop constraint test_no_contract_view`)
				);
			}
			expect(await eventsOf(org.id, 'contract.view')).toHaveLength(0);
			expect((await view(caller, file, 'contract.view')).guarantees).toHaveLength(2);
		}
	);
});
