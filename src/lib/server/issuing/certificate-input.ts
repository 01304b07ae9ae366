import { z } from 'zod';
import { isLocalGovernmentCode } from '../../local-government-code';
import { pointer, validationProblem, type FieldError } from '../http/problem';
import { day } from '../common/dates';
import { note, oneLine, textFaults } from '../common/text';

/**
 * The bodies of the issuer API (shared/API.md §1) as zod schemas: allow-lists (`strictObject`),
 * the normalisation rules, and the source of the OpenAPI document. Re-exported by guarantees.ts.
 */
export const KINDS = ['contract', 'advance_payment', 'intermediate_advance_payment'] as const;
export const AMENDMENT_REASONS = ['増額', '減額', '保証期限変更', 'その他'] as const;
export const MAX_YEN = 10_000_000_000_000;

const yen = z.number().int().positive().max(MAX_YEN).meta({ description: 'integer yen' });

export const guaranteeNumber = z
	.string()
	.max(64)
	.transform((value) => value.normalize('NFKC').trim().toUpperCase())
	.pipe(z.string().regex(/^[0-9A-Z][0-9A-Z-]{2,31}$/, 'must be 3–32 of 0-9 A-Z and hyphens'));

const contractor = z.strictObject({
	name: oneLine(200),
	address: oneLine(300),
	representative: oneLine(200)
});
const works = z.strictObject({
	name: oneLine(300),
	location: oneLine(300),
	contractAmount: yen,
	startOn: day,
	endOn: day
});
const guaranteeTerms = z.strictObject({
	amount: yen,
	advancePaymentAmount: yen.optional(),
	startOn: day,
	endOn: day
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
	guarantee: guaranteeTerms
});
export type CertificateInput = z.output<typeof certificateInput>;

export const amendmentInput = z.strictObject({
	amendedOn: day,
	reason: z.enum(AMENDMENT_REASONS),
	changes: z
		.strictObject({
			contractor: contractor.partial().optional(),
			works: works.partial().optional(),
			guarantee: guaranteeTerms.partial().optional()
		})
		.refine((c) => Object.values(c).some((part) => part && Object.keys(part).length > 0), {
			message: 'changes must change at least one field'
		})
});
export type AmendmentInput = z.output<typeof amendmentInput>;

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
	kind: (typeof KINDS)[number],
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
