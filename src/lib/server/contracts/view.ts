import * as audit from '../audit/append';
import { db } from '../db';
import type { ContractFile } from '../db/schema';
import { event } from './files';
import type { TenantCaller } from '../identity/caller';
import { review } from './review';

/**
 * The one way to show a contract file with its certificates' amounts, dates and status: the
 * file page (`contract.view`) and its printed 検証記録 (`contract.print`). The reads and the event
 * naming every guarantee shown go in one transaction; if the event cannot be written, nothing is
 * shown (fail closed), as for a certificate (certificates/view.ts).
 */
export async function view(
	caller: TenantCaller,
	file: ContractFile,
	action: 'contract.view' | 'contract.print'
) {
	return db.transaction(async (tx) => {
		const shown = await review(file, tx);
		const guarantees = shown.guarantees.map((g) => ({
			id: g.id,
			number: g.guaranteeNumber,
			version: g.version
		}));
		await audit.record(
			event(caller, action, { contractNumber: file.contractNumber, guarantees }),
			tx
		);
		return shown;
	});
}
