import type { AdvanceBase, BaseMismatch, RequiredEnd, Sentences } from '../check-reasons';
import { en as contracts } from './contracts';
import { formatDate, formatYen as yen } from './format';
import { en as names } from './guarantee';

/**
 * The contract checks' reasons in English, with the same numbers and sources as the Japanese.
 * Names typed by people (works, contractor, a clerk's note, contract numbers) stay as typed.
 */
const day = (iso: string) => formatDate(iso, 'en');
const year = (fiscalYear: number) => `FY${fiscalYear}`;
const base = (b: AdvanceBase) =>
	b.of === 'price'
		? `the contract price ${yen(b.amount)}`
		: `the ${year(b.fiscalYear)} annual amount${b.fromCertificate ? ' on the certificate' : ''} ${yen(b.amount)}`;
const rules = { construction: 'works', service: 'services', 'low-bid': 'low-bid contract' };
const categories = { construction: 'works', service: 'services' };
const issuers = {
	surety: 'a surety company',
	insurer: 'a non-life insurer',
	bank: 'a financial institution'
};
const amounts = { advance: 'Advance', intermediate: 'Intermediate advance' };
const provisions = { electronic: 'Electronic certificate', ...contracts.file.security.methods };
const required = (r: RequiredEnd) =>
	r.fiscalYear !== null
		? `the end of ${year(r.fiscalYear)} (${day(r.on)})`
		: `the works end ${day(r.on)}`;
const CONDITIONS = 'Standard Conditions of Public Works Contracts';
const WHICH_SIDE =
	'If a change contract is not registered, register it on the contract; if the certificate is wrong, ask the surety company for a change certificate';

const limit = (p: { base: AdvanceBase; tenths: number; rule: keyof typeof rules; max: number }) =>
	`${p.tenths}/10 of ${base(p.base)} (${rules[p.rule]}, limit ${yen(p.max)})`;
const ratio = (p: { tenths: number; contractAmount: number; lowBid: boolean }) =>
	`${p.tenths}/10 of the contract price ${yen(p.contractAmount)}${p.lowBid ? ', as a contract after a low-bid price investigation' : ''}`;
const received = (p: { paid: number; withIntermediate: boolean }) =>
	p.withIntermediate
		? `The total received as advance and intermediate advance, ${yen(p.paid)},`
		: `The advance received, ${yen(p.paid)},`;
const changedEnd = (p: { changedOn: string; endOn: string }) =>
	`the works end ${day(p.endOn)} set by the change contract of ${day(p.changedOn)}`;
const intermediateWithin = (p: { intermediate: number; total: number }) =>
	`Intermediate advance ${yen(p.intermediate)} is within 2/10, and the total with the advance, ${yen(p.total)}, within 6/10`;

function mismatch(m: BaseMismatch) {
	if (m.about === 'category') {
		return `the certificate's category (${categories[m.certificate]}) differs from the contract's (${categories[m.file]}); the limit is computed on the contract's category`;
	}
	if (m.about === 'later-year') {
		return `the certificate is for ${year(m.certificate)}: update the contract's fiscal year (${year(m.file)}) and its annual amount`;
	}
	return `the certificate's annual amount ${yen(m.certificate)} differs from the contract's ${yen(m.file)}`;
}

export const en: Sentences = {
	addressed: () => 'The insured (the orderer) is this organisation',
	'not-addressed': () => 'The insured (the orderer) is not this organisation',
	'same-works': () => 'The works name and the contractor match the contract',
	'works-differ': (p) =>
		[
			p.worksName &&
				`The works name “${p.worksName.certificate}” differs from the contract's “${p.worksName.file}”`,
			p.contractorName &&
				`The contractor “${p.contractorName.certificate}” differs from the contract's “${p.contractorName.file}”`,
			p.note && `Attached after review (note: ${p.note})`
		]
			.filter(Boolean)
			.join('. '),
	'amount-same': (p) =>
		`The certificate's contract price ${yen(p.certificate)} matches the contract's`,
	'amount-before-change': (p) =>
		`The certificate's contract price ${yen(p.certificate)} predates the change contract of ${day(p.changedOn)}. The guarantee also covers the changed price ${yen(p.contractAmount)}, so no change certificate is needed`,
	'amount-change-missing': (p) =>
		`The changed price ${yen(p.contractAmount)} of the change contract of ${day(p.changedOn)} is not on the certificate. As the amount check shows, a change certificate is needed`,
	'amount-differs': (p) =>
		`The certificate's contract price ${yen(p.certificate)} differs from the contract's ${yen(p.file)}. ${WHICH_SIDE}`,
	'start-differs': (p) =>
		`The certificate's works start ${day(p.certificate)} differs from the contract's ${day(p.file)}. ${WHICH_SIDE}`,
	'period-same': () => "The certificate's works start and end match the contract",
	'end-before-change': (p) =>
		`The certificate's works end ${day(p.certificate)} predates the change. The guarantee end also reaches ${changedEnd(p)}`,
	'end-change-missing': (p) =>
		`The certificate (${day(p.certificate)}) does not show ${changedEnd(p)}. As the guarantee end check shows, a change certificate is needed`,
	'end-differs': (p) =>
		`The certificate's works end ${day(p.certificate)} differs from the contract's ${day(p.file)}. ${WHICH_SIDE}`,
	'contract-covered': (p) => `Guarantee ${yen(p.guaranteeAmount)} is at least ${ratio(p)}`,
	'contract-short': (p) =>
		`Guarantee ${yen(p.guaranteeAmount)} is less than ${ratio(p)} (needs at least ${yen(p.needed)}, short by ${yen(p.shortfall)})`,
	'contract-short-after-increase': (p) =>
		`Guarantee ${yen(p.guaranteeAmount)} is less than ${ratio(p)} (after the increase it needs at least ${yen(p.needed)}, short by ${yen(p.shortfall)}). It covered the price before the increase. The orderer may ask for the guarantee to be increased (${CONDITIONS}, Art. 4)`,
	'advance-not-guaranteed': (p) =>
		`Guarantee ${yen(p.guaranteeAmount)} does not equal the advance ${yen(p.advance)}`,
	'advance-over': (p) => `Advance ${yen(p.advance)} exceeds ${limit(p)}`,
	'advance-within': (p) =>
		`Advance ${yen(p.advance)} is within ${limit(p)} and equals the guarantee`,
	'advance-base-differs': (p) =>
		`Advance ${yen(p.advance)} is within ${limit(p)}, but ${mismatch(p.mismatch)}`,
	'fraction-of-unit': (p) =>
		`${amounts[p.what]} ${yen(p.amount)} is not a multiple of ${yen(p.unit)} (this organisation's advance payment rules: rounded down to ${yen(p.unit)}, limit ${yen(p.max)})`,
	'over-cap': (p) =>
		`${amounts[p.what]} ${yen(p.amount)} exceeds this organisation's advance cap ${yen(p.cap)} (advance payment rules)`,
	'decrease-within': (p) =>
		`${received(p)} exceeds ${p.limitTenths}/10 (${yen(p.limit)}) of ${base(p.base)} after the decrease, but is within ${p.keepTenths}/10 (${yen(p.keep)}), so nothing is returned (${CONDITIONS}, Art. 34)`,
	'decrease-refund': (p) =>
		`${received(p)} exceeds ${p.keepTenths}/10 (${yen(p.keep)}) of ${base(p.base)} after the decrease. To be returned: ${yen(p.refund)} (${CONDITIONS}, Art. 34)`,
	'intermediate-for-service': () =>
		'A services contract has no intermediate advance (Local Autonomy Act Enforcement Regulations, Supplementary Provisions Art. 3: intermediate advances are for works only)',
	'intermediate-with-partial-payment': () =>
		'This contract uses partial payment. An intermediate advance and partial payment cannot both be used (intermediate advance rules)',
	'intermediate-not-guaranteed': (p) =>
		`Guarantee ${yen(p.guaranteeAmount)} does not equal the intermediate advance ${yen(p.intermediate)}`,
	'intermediate-over': (p) =>
		`Intermediate advance ${yen(p.intermediate)} exceeds 2/10 of ${base(p.base)} (limit ${yen(p.max)})`,
	'intermediate-total-over': (p) =>
		`The advance and intermediate advance together, ${yen(p.total)}, exceed 6/10 of ${base(p.base)}`,
	'intermediate-not-certified': (p) =>
		`${intermediateWithin(p)}. The intermediate advance's certification date is not recorded on the contract`,
	'intermediate-within': intermediateWithin,
	'end-reached': (p) =>
		`Guarantee end ${day(p.guaranteeEndOn)} is on or after ${required(p.required)}`,
	'extension-not-reflected': (p) =>
		`The guarantee end was not extended with the works (change contract of ${day(p.changedOn)}: works end ${day(p.before)} → ${day(p.endOn)}). A change certificate setting the guarantee end to ${day(p.endOn)} or later is needed`,
	'end-short': (p) =>
		`Guarantee end ${day(p.guaranteeEndOn)} is before ${required(p.required)}: a change certificate extending the guarantee is needed`,
	issuer: (p) => `The issuer is ${issuers[p.issuerType]}`,
	'advance-issuer': (p) =>
		`Only a registered surety company may guarantee an advance (Act on Surety Business for Advance Payments of Public Works). This certificate's issuer is ${issuers[p.issuerType]}`,
	'cancelled-after-completion': (p) =>
		`Cancelled after the works were completed (${day(p.completedOn)})`,
	cancelled: () => 'The guarantee has been cancelled',
	'expired-after-completion': (p) =>
		`Guarantee period ended (it covered the works until their completion on ${day(p.completedOn)})`,
	'expired-year-covered': (p) =>
		`Guarantee period ended (it covered ${year(p.fiscalYear)} to the end of that fiscal year)`,
	expired: (p) =>
		`Guarantee period ended: the guarantee end ${day(p.guaranteeEndOn)} has passed${p.completed ? '' : '. If the works are complete, record the completion on the contract'}`,
	unsigned: () => "Valid, but not signed, though this issuer's certificates must be signed",
	valid: (p) => (p.signed ? "Valid (the issuer's electronic signature verified)" : 'Valid'),
	'one-contract': () => 'This guarantee is not attached to any other contract',
	'other-contracts': (p) =>
		`The same guarantee is also attached to other contracts (${p.contractNumbers.join(', ')})`,
	missing: (p) => `Not submitted: ${p.kinds.map((k) => names.kinds[k]).join(', ')}`,
	'all-submitted': (p) =>
		`Every guarantee needed is submitted: ${p.given
			.map((g) => `${names.kinds[g.kind]} (${g.how.map((h) => provisions[h]).join(', ')})`)
			.join('; ')}`
};
