import { z } from 'zod';
import { isLocalGovernmentCode } from '../../local-government-code';
import {
	GUARANTEE_NUMBER_PATTERN,
	KINDS,
	normalizeGuaranteeNumber,
	type Kind
} from '../../guarantee';
import { pointer, validationProblem, type FieldError } from '../http/problem';
import { day } from '../common/dates';
import { note, oneLine, textFaults } from '../common/text';

/**
 * The bodies of the issuer API (shared/API.md §1) as zod schemas: allow-lists (`strictObject`),
 * the normalisation rules, and the source of the OpenAPI document. Re-exported by guarantees.ts.
 */
export const AMENDMENT_REASONS = ['増額', '減額', '保証期限変更', 'その他'] as const;
export const CATEGORIES = ['construction', 'service'] as const;
export const MAX_YEN = 10_000_000_000_000;

const yen = z.number().int().positive().max(MAX_YEN).meta({ description: 'integer yen' });
/** A Japanese phone number as printed (043-241-6101, full-width digits fine): 10 or 11 digits. */
const phone = z
	.string()
	.max(40)
	.transform((value) => value.normalize('NFKC').trim())
	.pipe(z.string().regex(/^0[\d\-() ]+$/, 'digits and hyphens, starting with 0'))
	.refine((value) => /^\d{10,11}$/.test(value.replace(/\D/g, '')), '10 or 11 digits');

export const guaranteeNumber = z
	.string()
	.max(64)
	.transform(normalizeGuaranteeNumber)
	.pipe(z.string().regex(GUARANTEE_NUMBER_PATTERN, 'must be 3–32 of 0-9 A-Z and hyphens'));

const member = z.strictObject({
	name: oneLine(200).describe('構成員の名称'),
	address: oneLine(300).optional(),
	representative: oneLine(200).optional()
});
const contractor = z.strictObject({
	name: oneLine(200).describe('保証契約者の名称; for a joint venture the JV (共同企業体) name'),
	address: oneLine(300),
	representative: oneLine(200),
	members: z
		.array(member)
		.min(1)
		.max(30)
		.optional()
		.describe('共同企業体の構成員, for a joint venture (optional)')
});
const works = z.strictObject({
	name: oneLine(300).describe('工事名'),
	location: oneLine(300).describe('工事場所'),
	contractAmount: yen.describe('請負代金額, integer yen including tax'),
	startOn: day.describe('工期（自）'),
	endOn: day.describe('工期（至）'),
	category: z
		.enum(CATEGORIES)
		.optional()
		.describe(
			'construction (工事) or service (業務委託: 測量, 建設コンサルタント業務, 地質調査 …); decides the advance limit (4/10 or 3/10). Absent: construction'
		),
	contractedOn: day.optional().describe('契約締結日 (optional)'),
	fiscalYear: z
		.number()
		.int()
		.min(1900)
		.max(2199)
		.optional()
		.describe(
			'Multi-year contract (債務負担行為): the fiscal year this advance belongs to (2026 = 令和8年度); with fiscalYearAmount'
		),
	fiscalYearAmount: yen
		.optional()
		.describe(
			"That fiscal year's planned 出来高 (年度割額), integer yen: the base of the year's advance"
		)
});
const issuingOffice = z
	.strictObject({
		name: oneLine(100).describe('支店・営業所の名称'),
		phone: phone.optional().describe('電話番号')
	})
	.describe("The issuer's office a clerk calls about this guarantee (optional)");
const guaranteeTerms = z.strictObject({
	amount: yen.describe('保証金額'),
	advancePaymentAmount: yen
		.optional()
		.describe(
			'前払金額 (中間前払金額 for intermediate_advance_payment); required for the advance kinds, forbidden for contract'
		),
	startOn: day.describe('保証期間の始期'),
	endOn: day.describe('保証期限')
});

export const certificateInput = z.strictObject({
	kind: z.enum(KINDS),
	guaranteeNumber,
	issuedOn: day,
	orderer: z.strictObject({
		code: z
			.string()
			.refine(isLocalGovernmentCode, '6-digit local government code with check digit'),
		name: oneLine(200)
	}),
	contractor,
	works,
	guarantee: guaranteeTerms,
	issuingOffice: issuingOffice.optional()
});
export type CertificateInput = z.output<typeof certificateInput>;

export const amendmentInput = z
	.strictObject({
		amendedOn: day,
		reason: z.enum(AMENDMENT_REASONS).optional().describe('One reason; or give reasons'),
		reasons: z
			.array(z.enum(AMENDMENT_REASONS))
			.min(1)
			.max(AMENDMENT_REASONS.length)
			.optional()
			.describe(
				'Several reasons at once (a 増額 often comes with a 保証期限変更); replaces reason'
			),
		changes: z
			.strictObject({
				contractor: contractor.partial().optional(),
				works: works.partial().optional(),
				guarantee: guaranteeTerms.partial().optional()
			})
			.refine((c) => Object.values(c).some((part) => part && Object.keys(part).length > 0), {
				message: 'changes must change at least one field'
			})
	})
	.refine((a) => (a.reason === undefined) !== (a.reasons === undefined), {
		path: ['reason'],
		message: 'give either reason or reasons'
	});
export type AmendmentInput = z.output<typeof amendmentInput>;

/** The reasons of a change as stored and shown: 「増額・保証期限変更」, each once, in API order. */
export const reasonText = (input: AmendmentInput) =>
	AMENDMENT_REASONS.filter((r) => r === input.reason || input.reasons?.includes(r)).join('・');

export const cancellationInput = z.strictObject({
	cancelledOn: day,
	reason: note(500).optional()
});

export const batchInput = z.strictObject({
	items: z.array(z.unknown()).min(1).max(1000)
});

export const noticeInput = z.strictObject({
	guaranteeNumber,
	authKey: z.string().min(1).max(64)
});

/** The rules that span fields, checked on the parsed body and on the merged result of a change. */
export function crossFieldErrors(
	kind: Kind,
	body: Pick<CertificateInput, 'works' | 'guarantee'>,
	base = ''
): FieldError[] {
	const errors: FieldError[] = [];
	if (body.works.startOn > body.works.endOn)
		errors.push({ path: `${base}/works/endOn`, message: 'must not be before works.startOn' });
	if (body.guarantee.startOn > body.guarantee.endOn)
		errors.push({
			path: `${base}/guarantee/endOn`,
			message: 'must not be before guarantee.startOn'
		});
	const advance = body.guarantee.advancePaymentAmount;
	if (kind === 'contract' && advance !== undefined && advance !== null)
		errors.push({
			path: `${base}/guarantee/advancePaymentAmount`,
			message: 'forbidden for kind contract'
		});
	if (kind !== 'contract' && (advance === undefined || advance === null))
		errors.push({
			path: `${base}/guarantee/advancePaymentAmount`,
			message: `required for kind ${kind}`
		});
	const { fiscalYear, fiscalYearAmount } = body.works;
	if (((fiscalYear ?? null) === null) !== ((fiscalYearAmount ?? null) === null))
		errors.push({
			path: `${base}/works/${fiscalYear == null ? 'fiscalYear' : 'fiscalYearAmount'}`,
			message: 'fiscalYear and fiscalYearAmount go together'
		});
	if (fiscalYearAmount != null && fiscalYearAmount > body.works.contractAmount)
		errors.push({
			path: `${base}/works/fiscalYearAmount`,
			message: 'must not exceed works.contractAmount'
		});
	return errors;
}

/** zod issues → JSON Pointer field errors; unknown keys become one error each. */
export function fieldErrors(error: z.ZodError): FieldError[] {
	return error.issues.flatMap((issue) =>
		issue.code === 'unrecognized_keys'
			? issue.keys.map((key) => ({ path: pointer([...issue.path, key]), message: 'unknown field' }))
			: [{ path: pointer(issue.path), message: issue.message }]
	);
}

/**
 * Parses with `schema` or throws a 422 Problem listing every field at fault. Every key and
 * string of the body is checked for lone surrogates and bidirectional controls first, so a
 * field no schema knows yet is covered too; `wholeBody: false` leaves that to each part (the
 * batch: one bad item must not refuse the others).
 */
export function parse<T extends z.ZodType>(
	schema: T,
	body: unknown,
	{ wholeBody = true } = {}
): z.output<T> {
	const faults = wholeBody ? textFaults(body) : [];
	if (faults.length)
		throw validationProblem(faults.map((fault) => ({ ...fault, path: pointer(fault.path) })));
	const result = schema.safeParse(body);
	if (!result.success) throw validationProblem(fieldErrors(result.error));
	return result.data;
}
