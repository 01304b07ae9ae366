import type { Kind } from '../../guarantee';
import * as checks from './checks/checks';
import { changesOf } from './files';
import type { ContractFile, ContractSecurity } from '../db/schema';
import { db, type Executor } from '../db';

/**
 * What the file itself says the checks need: its terms after each 変更契約, the guarantees it
 * needs, and the advances guaranteed for it so far.
 */
/** The contract's terms after its 変更契約, in date order. */
export async function currentTerms(file: ContractFile, executor: Executor = db) {
	const changes = await changesOf(file.id, executor);
	let { contractAmount, endOn } = file;
	for (const change of changes) {
		contractAmount = change.contractAmount ?? contractAmount;
		endOn = change.endOn ?? endOn;
	}
	const terms: checks.ContractTerms & { contractedOn: string | null } = {
		...file,
		contractAmount,
		endOn,
		history: changes.map(({ changedOn, contractAmount, endOn }) => ({
			changedOn,
			contractAmount,
			endOn
		})),
		original: { contractAmount: file.contractAmount, endOn: file.endOn }
	};
	return { terms, changes };
}

/** The 契約保証 always; the advance kinds when the file plans them. */
export function neededKinds(file: ContractFile): Kind[] {
	return [
		'contract' as const,
		...(file.advancePaymentAmount ? ['advance_payment' as const] : []),
		...(file.intermediateAdvancePaymentAmount ? ['intermediate_advance_payment' as const] : [])
	];
}

/**
 * The advance and intermediate advance guaranteed (not cancelled), electronic or recorded; for
 * 前払金 + 中間前払金 ≤ 6/10 the advance planned in the file stands in while none is guaranteed.
 */
export function paidOf(
	file: ContractFile,
	attached: checks.AttachedGuarantee[],
	recorded: ContractSecurity[]
): checks.Paid {
	const amounts = (kind: Kind) => [
		...attached
			.filter((g) => g.kind === kind && g.status !== 'cancelled')
			.map((g) => g.advancePaymentAmount ?? 0),
		...recorded.filter((s) => s.kind === kind && s.amount !== null).map((s) => s.amount!)
	];
	const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
	const advance = amounts('advance_payment');
	return {
		advance: advance.length ? sum(advance) : (file.advancePaymentAmount ?? 0),
		intermediate: sum(amounts('intermediate_advance_payment'))
	};
}
