import { formatDate, formatYen } from '../../i18n/format';

/**
 * The checks a clerk relies on (DESIGN.md), as pure functions of the contract file and the
 * latest certificate of each attached guarantee. Ratios are compared in integer yen, by
 * cross-multiplying (amount × 10 ≥ price × 1), so no boundary is ever decided by floating point.
 */
export const CHECK_NAMES = [
	'addressed-to-us',
	'same-works',
	'contract-ratio',
	'advance-ratio',
	'intermediate-ratio',
	'period',
	'status',
	'one-contract'
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];
export type CheckResult = 'pass' | 'warn' | 'fail';
export interface Check {
	name: CheckName;
	result: CheckResult;
	reason: string;
}

/** The contract as it stands after its 変更契約. */
export interface ContractTerms {
	worksName: string;
	contractorName: string;
	contractAmount: number;
	endOn: string;
	lowBid: boolean;
}

export interface AttachedGuarantee {
	kind: 'contract' | 'advance_payment' | 'intermediate_advance_payment';
	addressedToUs: boolean;
	status: 'valid' | 'cancelled' | 'expired';
	signed: boolean;
	issuerRequiresSignature: boolean;
	worksName: string;
	contractorName: string;
	guaranteeAmount: number;
	advancePaymentAmount: number | null;
	guaranteeEndOn: string;
	/** Other contract files of this organisation the same guarantee is attached to. */
	otherContractNumbers: string[];
}

/** 工事名 and 受注者 are compared after NFKC and without any spaces (全角・半角の違いは無視). */
export const normalizeName = (name: string) => name.normalize('NFKC').replace(/\s+/g, '');

const check = (name: CheckName, result: CheckResult, reason: string): Check => ({
	name,
	result,
	reason
});

/** `part` ≥ `num`/`den` of `whole`, exactly. */
const atLeast = (part: number, whole: number, num: number, den: number) =>
	part * den >= whole * num;
const atMost = (part: number, whole: number, num: number, den: number) => part * den <= whole * num;
/** The least whole yen that is ≥ `num`/`den` of `whole` (ceiling, in integers). */
const leastFor = (whole: number, num: number, den: number) =>
	Math.floor((whole * num + den - 1) / den);
const day = (iso: string) => formatDate(iso, 'ja');

export function addressedToUs(g: AttachedGuarantee): Check {
	return g.addressedToUs
		? check('addressed-to-us', 'pass', '被保証者（発注者）はこの団体です')
		: check('addressed-to-us', 'fail', '被保証者（発注者）がこの団体ではありません');
}

/**
 * A different spelling of the same works is common (略称, 株式会社 before or after), so a
 * mismatch is a warning for the clerk to read, not a failure.
 */
export function sameWorks(g: AttachedGuarantee, c: ContractTerms): Check {
	const works = normalizeName(g.worksName) === normalizeName(c.worksName);
	const contractor = normalizeName(g.contractorName) === normalizeName(c.contractorName);
	if (works && contractor) return check('same-works', 'pass', '工事名と受注者が案件と一致します');
	const parts = [
		works ? null : `工事名「${g.worksName}」が案件の「${c.worksName}」と異なります`,
		contractor ? null : `受注者「${g.contractorName}」が案件の「${c.contractorName}」と異なります`
	];
	return check('same-works', 'warn', parts.filter(Boolean).join('。'));
}

export function contractRatio(g: AttachedGuarantee, c: ContractTerms): Check {
	const [num, label] = c.lowBid ? [3, '3/10（低入札）'] : [1, '1/10'];
	const amounts = `保証金額 ${formatYen(g.guaranteeAmount)} は請負代金額 ${formatYen(c.contractAmount)} の ${label}`;
	if (atLeast(g.guaranteeAmount, c.contractAmount, num, 10)) {
		return check('contract-ratio', 'pass', `${amounts} 以上です`);
	}
	// What the guarantee now needs, e.g. after a 変更契約 raised the price (増額の変更証書).
	const needed = leastFor(c.contractAmount, num, 10);
	const short = formatYen(needed - g.guaranteeAmount);
	return check(
		'contract-ratio',
		'fail',
		`${amounts} に足りません（必要額 ${formatYen(needed)} 以上、不足 ${short}）`
	);
}

export function advanceRatio(g: AttachedGuarantee, c: ContractTerms): Check {
	const advance = g.advancePaymentAmount ?? 0;
	const price = formatYen(c.contractAmount);
	if (!atMost(advance, c.contractAmount, 4, 10)) {
		return check(
			'advance-ratio',
			'fail',
			`前払金額 ${formatYen(advance)} が請負代金額 ${price} の 4/10 を超えています`
		);
	}
	if (g.guaranteeAmount !== advance) {
		const amounts = `保証金額 ${formatYen(g.guaranteeAmount)} が前払金額 ${formatYen(advance)}`;
		return check('advance-ratio', 'fail', `${amounts} と一致しません`);
	}
	return check(
		'advance-ratio',
		'pass',
		`前払金額 ${formatYen(advance)} は請負代金額 ${price} の 4/10 以内で、保証金額と一致します`
	);
}

export function intermediateRatio(
	g: AttachedGuarantee,
	c: ContractTerms,
	advancePaid: number
): Check {
	const intermediate = g.advancePaymentAmount ?? 0;
	const price = formatYen(c.contractAmount);
	if (!atMost(intermediate, c.contractAmount, 2, 10)) {
		return check(
			'intermediate-ratio',
			'fail',
			`中間前払金額 ${formatYen(intermediate)} が請負代金額 ${price} の 2/10 を超えています`
		);
	}
	if (!atMost(advancePaid + intermediate, c.contractAmount, 6, 10)) {
		const total = formatYen(advancePaid + intermediate);
		return check(
			'intermediate-ratio',
			'fail',
			`前払金と中間前払金の合計 ${total} が請負代金額 ${price} の 6/10 を超えています`
		);
	}
	if (g.guaranteeAmount !== intermediate) {
		return check(
			'intermediate-ratio',
			'fail',
			`保証金額 ${formatYen(g.guaranteeAmount)} が中間前払金額 ${formatYen(intermediate)} と一致しません`
		);
	}
	return check(
		'intermediate-ratio',
		'pass',
		`中間前払金額 ${formatYen(intermediate)} は 2/10 以内、前払金との合計 ${formatYen(advancePaid + intermediate)} は 6/10 以内です`
	);
}

export function period(g: AttachedGuarantee, c: ContractTerms): Check {
	const dates = `保証期限 ${day(g.guaranteeEndOn)}`;
	return g.guaranteeEndOn >= c.endOn
		? check('period', 'pass', `${dates} は工期末 ${day(c.endOn)} 以降です`)
		: check(
				'period',
				'fail',
				`${dates} が工期末 ${day(c.endOn)} より前です（保証期限を工期末以降に延ばす変更証書が必要です）`
			);
}

export function status(g: AttachedGuarantee): Check {
	if (g.status === 'cancelled') return check('status', 'fail', '保証契約は解約されています');
	if (g.status === 'expired') return check('status', 'fail', '保証期限が過ぎています');
	if (!g.signed && g.issuerRequiresSignature) {
		return check('status', 'warn', '有効ですが、署名が必要な発行者の証書に署名がありません');
	}
	return check('status', 'pass', g.signed ? '有効（発行者の電子署名を確認済み）' : '有効');
}

export function oneContract(g: AttachedGuarantee): Check {
	return g.otherContractNumbers.length === 0
		? check('one-contract', 'pass', 'この保証はほかの案件に添付されていません')
		: check(
				'one-contract',
				'fail',
				`同じ保証がほかの案件（${g.otherContractNumbers.join('、')}）にも添付されています`
			);
}

/** Every check that applies to one attached guarantee, in the order the clerk reads them. */
export function checkGuarantee(
	g: AttachedGuarantee,
	c: ContractTerms,
	advancePaid: number
): Check[] {
	const ratio =
		g.kind === 'contract'
			? contractRatio(g, c)
			: g.kind === 'advance_payment'
				? advanceRatio(g, c)
				: intermediateRatio(g, c, advancePaid);
	return [addressedToUs(g), sameWorks(g, c), ratio, period(g, c), status(g), oneContract(g)];
}

export function worst(checks: Check[]): CheckResult {
	if (checks.some((c) => c.result === 'fail')) return 'fail';
	if (checks.some((c) => c.result === 'warn')) return 'warn';
	return 'pass';
}
