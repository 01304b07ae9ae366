import type { Kind, Purpose } from '../guarantee';

/**
 * The names of the kinds and purposes (../guarantee.ts), once for every screen, the notice and
 * the contract checks; keyed by the lists, so a kind without a name is a type error.
 */
export const ja: { kinds: Record<Kind, string>; purposes: Record<Purpose, string> } = {
	kinds: {
		contract: '契約保証',
		advance_payment: '前払金保証',
		intermediate_advance_payment: '中間前払金保証'
	},
	purposes: {
		contract: '契約時',
		advance_payment: '前払金請求時',
		intermediate_advance_payment: '中間前払金請求時',
		other: 'その他'
	}
};

export const en: typeof ja = {
	kinds: {
		contract: 'Contract guarantee',
		advance_payment: 'Advance payment guarantee',
		intermediate_advance_payment: 'Intermediate advance payment guarantee'
	},
	purposes: {
		contract: 'At contract',
		advance_payment: 'Advance payment request',
		intermediate_advance_payment: 'Intermediate advance request',
		other: 'Other'
	}
};
