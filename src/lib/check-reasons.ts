import type { Kind, SecurityMethod } from './guarantee';

/**
 * Why a contract check came out as it did: a code and the facts behind it (integer yen, tenths,
 * ISO dates, fiscal years, names as typed), never a finished sentence. The server decides
 * (lib/server/contracts/checks); each reader's language words it (lib/i18n/check-reasons), so a
 * code without a sentence, or a sentence reading a fact the code does not carry, is a type error.
 * Shared by server and browser: nothing here touches the server.
 */

export type Category = 'construction' | 'service';
export type IssuerType = 'surety' | 'insurer' | 'bank';
/** How a guarantee the file needs was provided: an electronic certificate, or another way. */
export type Provision = 'electronic' | SecurityMethod;

/** What an advance is measured on: the price, or a fiscal year's 年度割額 (債務負担行為). */
export type AdvanceBase =
	| { of: 'price'; amount: number }
	/** `fromCertificate`: another year than the file's, measured on the certificate's own amount. */
	| { of: 'year'; amount: number; fiscalYear: number; fromCertificate: boolean };

/** Which rule sets the advance's limit: 工事, 業務委託, or the town's rule for a low bid. */
export type LimitRule = 'construction' | 'service' | 'low-bid';

/** The day a guarantee must reach: 工期末, or (`fiscalYear`) the end of an advance's fiscal year. */
export interface RequiredEnd {
	on: string;
	fiscalYear: number | null;
}

/** What the certificate says differently from the file about an advance's base. */
export type BaseMismatch =
	| { about: 'category'; certificate: Category; file: Category }
	| { about: 'later-year'; certificate: number; file: number }
	| { about: 'year-amount'; certificate: number; file: number };

/** An advance against its limit: `tenths` of `base` under `rule`, paid up to `max`. */
export interface AdvanceAgainstLimit {
	advance: number;
	base: AdvanceBase;
	tenths: number;
	rule: LimitRule;
	max: number;
}

/** A name the certificate gives and the file's, as typed. */
export interface NamePair {
	certificate: string;
	file: string;
}

type Nothing = Record<string, never>;
type Differ<T> = { certificate: T; file: T };
type Ratio = { guaranteeAmount: number; contractAmount: number; tenths: number; lowBid: boolean };
type Short = Ratio & { needed: number; shortfall: number };
type AfterDecrease = { paid: number; withIntermediate: boolean; base: AdvanceBase };
type AdvanceWhat = { what: 'advance' | 'intermediate' };

/** Every reason code and the facts its sentence reads. */
export interface ReasonParams {
	addressed: Nothing;
	'not-addressed': Nothing;
	'same-works': Nothing;
	'works-differ': {
		worksName: NamePair | null;
		contractorName: NamePair | null;
		note: string | null;
	};
	'amount-same': { certificate: number };
	'amount-before-change': { certificate: number; changedOn: string; contractAmount: number };
	'amount-change-missing': { changedOn: string; contractAmount: number };
	'amount-differs': Differ<number>;
	'start-differs': Differ<string>;
	'period-same': Nothing;
	'end-before-change': { certificate: string; changedOn: string; endOn: string };
	'end-change-missing': { certificate: string; changedOn: string; endOn: string };
	'end-differs': Differ<string>;
	'contract-covered': Ratio;
	'contract-short': Short;
	'contract-short-after-increase': Short;
	'advance-not-guaranteed': { guaranteeAmount: number; advance: number };
	'advance-over': AdvanceAgainstLimit;
	'advance-within': AdvanceAgainstLimit;
	'advance-base-differs': AdvanceAgainstLimit & { mismatch: BaseMismatch };
	'fraction-of-unit': AdvanceWhat & { amount: number; unit: number; max: number };
	'over-cap': AdvanceWhat & { amount: number; cap: number };
	'decrease-within': AfterDecrease & {
		limitTenths: number;
		limit: number;
		keepTenths: number;
		keep: number;
	};
	'decrease-refund': AfterDecrease & { keepTenths: number; keep: number; refund: number };
	'intermediate-for-service': Nothing;
	'intermediate-with-partial-payment': Nothing;
	'intermediate-not-guaranteed': { guaranteeAmount: number; intermediate: number };
	'intermediate-over': { intermediate: number; base: AdvanceBase; max: number };
	'intermediate-total-over': { total: number; base: AdvanceBase };
	'intermediate-not-certified': { intermediate: number; total: number };
	'intermediate-within': { intermediate: number; total: number };
	'end-reached': { guaranteeEndOn: string; required: RequiredEnd };
	'extension-not-reflected': { changedOn: string; before: string; endOn: string };
	'end-short': { guaranteeEndOn: string; required: RequiredEnd };
	issuer: { issuerType: IssuerType };
	'advance-issuer': { issuerType: IssuerType };
	'cancelled-after-completion': { completedOn: string };
	cancelled: Nothing;
	'expired-after-completion': { completedOn: string };
	'expired-year-covered': { fiscalYear: number };
	expired: { guaranteeEndOn: string; completed: boolean };
	unsigned: Nothing;
	valid: { signed: boolean };
	'one-contract': Nothing;
	'other-contracts': { contractNumbers: string[] };
	missing: { kinds: Kind[] };
	'all-submitted': { given: { kind: Kind; how: Provision[] }[] };
}

export type ReasonCode = keyof ReasonParams;
export type Reason = { [C in ReasonCode]: { code: C; params: ReasonParams[C] } }[ReasonCode];

/** The params argument: none for a code that carries no facts. */
export type ParamsOf<C extends ReasonCode> = ReasonParams[C] extends Nothing
	? []
	: [params: ReasonParams[C]];

export function reason<C extends ReasonCode>(code: C, ...[params]: ParamsOf<C>): Reason {
	return { code, params: params ?? {} } as Reason;
}

/** A sentence for every code, in one language. */
export type Sentences = { [C in ReasonCode]: (p: ReasonParams[C]) => string };

export const say = (sentences: Sentences, r: Reason): string =>
	(sentences[r.code] as (p: Reason['params']) => string)(r.params);
