import { z } from 'zod';
import { formDay, optionalFormDay } from '../common/dates';
import { foldedLine, note, oneLine } from '../common/text';

/**
 * The contract file's forms as clerks fill them in (and as the register CSV has them): amounts
 * with commas or 円, dates with slashes, 令和8 for a fiscal year. Errors are codes the pages turn
 * into Japanese (`fieldErrors`).
 */
const MAX_YEN = 10_000_000_000_000;

/** Amounts as clerks type them: full-width digits, commas, a ¥ or 円 are all fine. */
const yen = z
	.string()
	.transform((value) => value.normalize('NFKC').replace(/[,¥￥円\s]/g, ''))
	.pipe(z.string().regex(/^\d{1,14}$/))
	.transform(Number)
	.pipe(z.number().int().positive().max(MAX_YEN));
export const optionalYen = z.preprocess(
	(v) => (v === '' || v == null ? undefined : v),
	yen.optional()
);
/** 工事 or 業務委託, as a form or a register (CSV) says it. */
const CATEGORY_WORDS: Record<string, 'construction' | 'service'> = {
	construction: 'construction',
	工事: 'construction',
	service: 'service',
	業務委託: 'service',
	委託: 'service',
	業務: 'service'
};
const category = z.preprocess(
	(v) =>
		v === '' || v == null ? 'construction' : CATEGORY_WORDS[String(v).normalize('NFKC').trim()],
	z.enum(['construction', 'service'])
);

/** A fiscal year as clerks write it: 2026, 令和8, R8, 令和8年度 → 2026. */
export function parseFiscalYear(value: unknown): number | undefined | unknown {
	if (value === '' || value == null) return undefined;
	const text = String(value)
		.normalize('NFKC')
		.replace(/\s|年度?$/g, '');
	const era = /^(令和|R|平成|H)(元|\d{1,2})$/i.exec(text);
	if (era) {
		const n = era[2] === '元' ? 1 : Number(era[2]);
		return (/^(令和|R)$/i.test(era[1]) ? 2018 : 1988) + n;
	}
	return /^\d{4}$/.test(text) ? Number(text) : value;
}
const fiscalYear = z.preprocess(parseFiscalYear, z.number().int().min(1900).max(2199).optional());

const fieldsRead = (payload: { issues: unknown[] }) => payload.issues.length === 0;

export const contractInput = z
	.object({
		contractNumber: z
			.string()
			.transform((v) => v.normalize('NFKC').trim())
			.pipe(oneLine(40)),
		worksName: foldedLine(200),
		contractorName: foldedLine(200),
		contractAmount: yen,
		startOn: formDay,
		endOn: formDay,
		lowBid: z.boolean(),
		advancePaymentAmount: optionalYen,
		intermediateAdvancePaymentAmount: optionalYen,
		category,
		contractedOn: optionalFormDay,
		fiscalYear,
		fiscalYearAmount: optionalYen,
		intermediateCertifiedOn: optionalFormDay,
		partialPayment: z.boolean().default(false)
	})
	.refine((c) => c.startOn <= c.endOn, { path: ['endOn'], message: 'beforeStart' })
	// Across fields only once every field reads: a price that did not parse is not "too small".
	.refine((c) => (c.fiscalYear === undefined) === (c.fiscalYearAmount === undefined), {
		path: ['fiscalYearAmount'],
		message: 'fiscalPair',
		when: fieldsRead
	})
	.refine((c) => (c.fiscalYearAmount ?? 0) <= c.contractAmount, {
		path: ['fiscalYearAmount'],
		message: 'fiscalOver',
		when: fieldsRead
	})
	// 中間前金払 and 部分払 are a choice of one (the town's 中間前金払取扱要領).
	.refine((c) => !(c.partialPayment && c.intermediateAdvancePaymentAmount), {
		path: ['partialPayment'],
		message: 'partialAndIntermediate',
		when: fieldsRead
	});
export type ContractInput = z.output<typeof contractInput>;

export const changeInput = z
	.object({
		changedOn: formDay,
		contractAmount: optionalYen,
		endOn: optionalFormDay,
		note: note(200).default('')
	})
	.refine((c) => c.contractAmount !== undefined || c.endOn !== undefined, {
		path: ['contractAmount'],
		message: 'nothingChanged'
	});
export type ChangeInput = z.output<typeof changeInput>;

export const completeInput = z.object({ completedOn: optionalFormDay });

/** zod issues as `{ field: code }`, the codes the pages turn into Japanese. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		// A shared rule names its own code (dates, characters); a rule of this form, its message.
		const code = (issue as { params?: { code?: string } }).params?.code;
		errors[field] ??= issue.code === 'custom' ? (code ?? issue.message) : 'invalid';
	}
	return errors;
}
