import { wellFormed } from '../common/text';

/**
 * RFC 9457 problem details, the one error shape of the issuer API (shared/API.md §1). Modules
 * throw a `Problem`; the endpoint wrapper in `api.ts` turns it into the response.
 */
export interface FieldError {
	/** JSON Pointer into the submitted body, e.g. `/works/contractAmount`. */
	path: string;
	message: string;
}

export interface ProblemBody {
	type: string;
	title: string;
	status: number;
	detail?: string;
	errors?: FieldError[];
	[extra: string]: unknown;
}

const TITLES: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	404: 'Not Found',
	409: 'Conflict',
	413: 'Content Too Large',
	415: 'Unsupported Media Type',
	422: 'Unprocessable Content',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	503: 'Service Unavailable'
};

export class Problem extends Error {
	constructor(
		readonly status: number,
		/** A short, stable slug: the `type` is `/problems/<slug>` so clients can branch on it. */
		readonly slug: string,
		readonly detail?: string,
		readonly errors?: FieldError[],
		readonly headers: Record<string, string> = {}
	) {
		super(detail ?? slug);
	}

	get body(): ProblemBody {
		return {
			type: `/problems/${this.slug}`,
			title: TITLES[this.status] ?? 'Error',
			status: this.status,
			...(this.detail ? { detail: this.detail } : {}),
			...(this.errors ? { errors: this.errors } : {})
		};
	}
}

export const PROBLEM_JSON = 'application/problem+json';

export function problemResponse(problem: Problem, extraHeaders: Record<string, string> = {}) {
	return new Response(JSON.stringify(problem.body), {
		status: problem.status,
		headers: { 'content-type': PROBLEM_JSON, ...problem.headers, ...extraHeaders }
	});
}

/**
 * `["works", "contractAmount"]` → `/works/contractAmount` (RFC 6901 escaping). A key with a lone
 * surrogate is named with U+FFFD in its place: the pointer goes into the audit trail's jsonb,
 * which cannot hold a lone surrogate.
 */
export function pointer(path: readonly PropertyKey[]): string {
	return path
		.map((part) => '/' + wellFormed(String(part)).replace(/~/g, '~0').replace(/\//g, '~1'))
		.join('');
}

export function validationProblem(errors: FieldError[], detail = 'The body has invalid fields') {
	return new Problem(422, 'validation', detail, errors);
}

/** 422 for a value the database itself refused (see `isDataException`): the client's, not ours. */
export const unstorable = () =>
	new Problem(422, 'validation', 'The body has a value that cannot be stored');
