import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { say, type Reason, type ReasonCode, type ReasonParams } from '../check-reasons';
import { en } from './check-reasons-en';
import { ja } from './check-reasons-ja';

/**
 * Every reason a contract check can give has a Japanese and an English sentence, and the English
 * one says it without Japanese (bar the names people typed). The codes are read from the checks'
 * source and from the type, so a new reason without its sentences fails here as well as in tsc.
 */
const CHECKS = 'src/lib/server/contracts/checks';
const source = readdirSync(CHECKS)
	.filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
	.map((name) => readFileSync(path.join(CHECKS, name), 'utf8'))
	.join('\n');
/** `check(name, result, 'code', …)`, however prettier wraps it. */
const used = new Set(
	[...source.matchAll(/check\(\s*[^,()]+,\s*[^,()]+,\s*'([a-z-]+)'/g)].map((m) => m[1])
);
const declared = new Set(
	[
		...readFileSync('src/lib/check-reasons.ts', 'utf8')
			.split('export interface ReasonParams {')[1]
			.split('\n}')[0]
			.matchAll(/^\t'?([a-z-]+)'?:/gm)
	].map((m) => m[1])
);

/** Names as people type them: they may stay Japanese in any language. */
const TYPED = [
	'令和8年度 町道舗装修繕工事',
	'町道舗装工事',
	'株式会社白子建設',
	'白子建設㈱',
	'略称で同一'
];
const base = { of: 'year', amount: 30_000_000, fiscalYear: 2026, fromCertificate: true } as const;
const limit = { advance: 12_000_001, base, tenths: 4, rule: 'low-bid', max: 12_000_000 } as const;
const ratio = { guaranteeAmount: 3_849_999, contractAmount: 38_500_000, tenths: 3, lowBid: true };
const short = { ...ratio, needed: 3_850_000, shortfall: 1 };
const decrease = {
	paid: 21_000_001,
	withIntermediate: true,
	base,
	keepTenths: 6,
	keep: 18_000_000
};
const required = { on: '2027-03-31', fiscalYear: 2026 };
/** One example of each code's facts; typed, so a code without one is a type error. */
const EXAMPLES: { [C in ReasonCode]: ReasonParams[C] } = {
	addressed: {},
	'not-addressed': {},
	'same-works': {},
	'works-differ': {
		worksName: { certificate: TYPED[0], file: TYPED[1] },
		contractorName: { certificate: TYPED[2], file: TYPED[3] },
		note: TYPED[4]
	},
	'amount-same': { certificate: 38_500_000 },
	'amount-before-change': { certificate: 38_500_000, changedOn: '2026-10-01', contractAmount: 1 },
	'amount-change-missing': { changedOn: '2026-10-01', contractAmount: 42_350_000 },
	'amount-differs': { certificate: 42_350_000, file: 38_500_000 },
	'start-differs': { certificate: '2026-07-02', file: '2026-07-01' },
	'period-same': {},
	'end-before-change': { certificate: '2027-02-26', changedOn: '2026-12-01', endOn: '2027-03-19' },
	'end-change-missing': { certificate: '2027-02-26', changedOn: '2026-12-01', endOn: '2027-03-19' },
	'end-differs': { certificate: '2027-03-31', file: '2027-02-26' },
	'contract-covered': ratio,
	'contract-short': short,
	'contract-short-after-increase': short,
	'advance-not-guaranteed': { guaranteeAmount: 15_000_000, advance: 15_400_000 },
	'advance-over': limit,
	'advance-within': limit,
	'advance-base-differs': {
		...limit,
		mismatch: { about: 'category', certificate: 'service', file: 'construction' }
	},
	'fraction-of-unit': { what: 'intermediate', amount: 7_700_001, unit: 100_000, max: 7_700_000 },
	'over-cap': { what: 'advance', amount: 10_000_001, cap: 10_000_000 },
	'decrease-within': { ...decrease, limitTenths: 4, limit: 12_000_000 },
	'decrease-refund': { ...decrease, refund: 1 },
	'intermediate-for-service': {},
	'intermediate-with-partial-payment': {},
	'intermediate-not-guaranteed': { guaranteeAmount: 7_000_000, intermediate: 7_700_000 },
	'intermediate-over': { intermediate: 7_700_001, base, max: 6_000_000 },
	'intermediate-total-over': { total: 23_100_001, base },
	'intermediate-not-certified': { intermediate: 7_700_000, total: 23_100_000 },
	'intermediate-within': { intermediate: 7_700_000, total: 23_100_000 },
	'end-reached': { guaranteeEndOn: '2027-03-31', required },
	'extension-not-reflected': { changedOn: '2026-12-01', before: '2027-02-26', endOn: '2027-03-19' },
	'end-short': { guaranteeEndOn: '2027-03-30', required },
	issuer: { issuerType: 'bank' },
	'advance-issuer': { issuerType: 'insurer' },
	'cancelled-after-completion': { completedOn: '2027-02-20' },
	cancelled: {},
	'expired-after-completion': { completedOn: '2027-02-20' },
	'expired-year-covered': { fiscalYear: 2026 },
	expired: { guaranteeEndOn: '2027-02-26', completed: false },
	unsigned: {},
	valid: { signed: true },
	'one-contract': {},
	'other-contracts': { contractNumbers: ['R8-001', 'R8-002'] },
	missing: { kinds: ['advance_payment', 'intermediate_advance_payment'] },
	'all-submitted': { given: [{ kind: 'contract', how: ['electronic', 'insurance'] }] }
};
const reasons = Object.entries(EXAMPLES).map(([code, params]) => ({ code, params }) as Reason);
const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}、。「」（）]/u;
const withoutTyped = (text: string) =>
	TYPED.reduce((rest, name) => rest.replaceAll(name, ''), text);

describe('check reasons', () => {
	it('finds the codes in the checks and in the type, the same ones', () => {
		expect(used).toContain('advance-over');
		expect(used).toContain('fraction-of-unit');
		expect(used.size).toBeGreaterThan(40);
		expect([...used].sort()).toEqual([...declared].sort());
	});

	it('has a Japanese and an English sentence for every code, and no other', () => {
		expect(Object.keys(ja).sort()).toEqual([...used].sort());
		expect(Object.keys(en).sort()).toEqual([...used].sort());
	});

	for (const reason of reasons) {
		it(`words ${reason.code} with every fact filled in`, () => {
			const [japanese, english] = [say(ja, reason), say(en, reason)];
			for (const text of [japanese, english]) {
				expect(text).not.toMatch(/undefined|NaN|null|\[object/);
				expect(text.length).toBeGreaterThan(1);
			}
			expect(japanese).toMatch(JAPANESE);
			expect(withoutTyped(english)).not.toMatch(JAPANESE);
		});
	}

	it('shows amounts with separators, 和暦 dates in Japanese and ISO dates in English', () => {
		const end = { code: 'end-short', params: EXAMPLES['end-short'] } as const;
		expect(say(ja, end)).toBe(
			'保証期限 令和9年3月30日（2027-03-30） が令和8年度末 令和9年3月31日（2027-03-31） より前です（保証期限を延ばす変更保証証書が必要です）'
		);
		expect(say(en, end)).toBe(
			'Guarantee end 2027-03-30 is before the end of FY2026 (2027-03-31): a change certificate extending the guarantee is needed'
		);
		const refund = { code: 'decrease-refund', params: EXAMPLES['decrease-refund'] } as const;
		expect(say(en, refund)).toContain('To be returned: ¥1');
		expect(say(en, refund)).toContain('the FY2026 annual amount on the certificate ¥30,000,000');
	});
});
