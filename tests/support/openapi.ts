import { expect, test as base, type APIRequestContext, type APIResponse } from '@playwright/test';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { PORT } from './fixtures';

/**
 * Every answer of the issuer API checked against the OpenAPI document the server serves: the
 * status is one the operation documents, the content type one that status documents, the
 * documented headers are there and valid, no Kensho header appears undocumented, and the body
 * validates against its schema (JSON Schema 2020-12, ajv). Response schemas are open in the
 * document, so that a client tolerates a field added later; here they are closed, so the server
 * sends nothing the document does not name.
 *
 * `test` replaces Playwright's: its `request` validates each answer as it arrives.
 */
type Json = Record<string, unknown>;
const DOC_ID = 'kensho:openapi.json';
/** The document itself is not one of the operations it describes. */
const DOCUMENT_PATH = '/api/v1/openapi.json';
/** Headers the portal sets on purpose; each must be documented where it appears. */
const OWN_HEADERS = [
	'retry-after',
	'idempotent-replayed',
	'www-authenticate',
	'content-disposition'
];

export interface Answer {
	method: string;
	url: string;
	status: number;
	headers: Record<string, string>;
	body: () => Promise<Buffer>;
}

let loaded: Promise<Validator> | undefined;
/** The validator for the document served by the test server, fetched once per worker. */
export const validator = () =>
	(loaded ??= fetch(`http://127.0.0.1:${PORT}${DOCUMENT_PATH}`)
		.then((r) => r.json())
		.then((doc) => new Validator(doc)));

/** Adds `additionalProperties: false` to every object schema that lists its properties. */
function closed(schema: unknown): unknown {
	if (Array.isArray(schema)) return schema.map(closed);
	if (schema === null || typeof schema !== 'object') return schema;
	const copy = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, closed(v)])) as Json;
	if (copy.properties && !('additionalProperties' in copy)) copy.additionalProperties = false;
	return copy;
}

const escape = (part: string) => part.replace(/~/g, '~0').replace(/\//g, '~1');
const unescape = (part: string) => part.replace(/~1/g, '/').replace(/~0/g, '~');

export class Validator {
	private ajv = new Ajv2020({ strict: false, allErrors: true });
	private compiled = new Map<string, ValidateFunction>();
	private templates: { path: string; pattern: RegExp }[];

	constructor(readonly doc: Json & { paths: Record<string, Record<string, Json>> }) {
		formats(this.ajv);
		this.ajv.addSchema({ ...(closed(doc) as Json), $id: DOC_ID });
		// A literal segment wins over a template ("/certificates/batch" before "/{id}").
		this.templates = Object.keys(doc.paths)
			.sort((a, b) => a.split('{').length - b.split('{').length)
			.map((path) => ({
				path,
				pattern: new RegExp('^' + path.replace(/\{[^}]+\}/g, '[^/]+') + '$')
			}));
	}

	/** The node at a JSON Pointer of the document, following a `$ref` there; and where it is. */
	private at(pointer: string): { node: Json; pointer: string } {
		const node = pointer
			.split('/')
			.slice(1)
			.reduce<Json>((parent, part) => parent?.[unescape(part)] as Json, this.doc);
		const ref = node?.$ref;
		return typeof ref === 'string' ? this.at(ref.slice(1)) : { node, pointer };
	}

	private valid(pointer: string, value: unknown): string | null {
		let validate = this.compiled.get(pointer);
		if (!validate) {
			validate = this.ajv.compile({ $ref: `${DOC_ID}#${encodeURI(pointer)}` });
			this.compiled.set(pointer, validate);
		}
		return validate(value) ? null : this.ajv.errorsText(validate.errors, { dataVar: '' });
	}

	/** The problems of one answer, as sentences; an empty list when it matches the document. */
	async problems(answer: Answer): Promise<string[]> {
		const { pathname } = new URL(answer.url, 'http://x');
		const method = answer.method.toLowerCase();
		const template = this.templates.find((t) => t.pattern.test(pathname))?.path;
		if (!template || !this.doc.paths[template][method])
			return [`${answer.method} ${pathname} is not in the document`];
		const where = `${answer.method} ${template} ${answer.status}`;
		const operation = `/paths/${escape(template)}/${method}`;
		const response = this.at(`${operation}/responses/${answer.status}`);
		if (!response.node) return [`${where}: status not documented`];
		const problems: string[] = [];

		const declared = new Map(
			Object.keys((response.node.headers ?? {}) as Json).map((name) => [name.toLowerCase(), name])
		);
		for (const name of OWN_HEADERS) {
			if (name in answer.headers && !declared.has(name))
				problems.push(`${where}: header ${name} not documented`);
		}
		for (const [lower, name] of declared) {
			const header = this.at(`${response.pointer}/headers/${escape(name)}`);
			const value = answer.headers[lower];
			if (value === undefined) {
				if (header.node.required) problems.push(`${where}: required header ${name} missing`);
				continue;
			}
			const type = (header.node.schema as Json).type;
			const typed = type === 'integer' || type === 'number' ? Number(value) : value;
			const error = this.valid(`${header.pointer}/schema`, typed);
			if (error) problems.push(`${where}: header ${name}: ${value} ${error}`);
		}

		const type = (answer.headers['content-type'] ?? '').split(';')[0].trim();
		const content = (response.node.content ?? {}) as Json;
		if (!type) {
			if (Object.keys(content).length) problems.push(`${where}: no content type`);
		} else if (!(type in content)) {
			problems.push(`${where}: content type ${type} not documented`);
		} else if (type.endsWith('json')) {
			const body = JSON.parse((await answer.body()).toString('utf8'));
			const error = this.valid(`${response.pointer}/content/${escape(type)}/schema`, body);
			if (error) problems.push(`${where}: body ${error}`);
		}
		return problems;
	}
}

export function fromPlaywright(response: APIResponse, method: string): Answer {
	return {
		method,
		url: response.url(),
		status: response.status(),
		headers: response.headers(),
		body: () => response.body()
	};
}

/** Asserts that one Playwright answer matches the document. */
export async function expectDocumented(response: APIResponse, method: string) {
	const problems = await (await validator()).problems(fromPlaywright(response, method));
	expect(problems, `${method} ${response.url()}`).toEqual([]);
}

const METHODS = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE' } as const;

/** A request context whose every answer from the issuer API is checked against the document. */
function validating(request: APIRequestContext): APIRequestContext {
	return new Proxy(request, {
		get(target, property, receiver) {
			const method = METHODS[property as keyof typeof METHODS];
			const original = Reflect.get(target, property, receiver);
			if (!method) return typeof original === 'function' ? original.bind(target) : original;
			return async (...args: unknown[]) => {
				const response: APIResponse = await original.apply(target, args);
				const { pathname } = new URL(response.url());
				if (!pathname.startsWith('/api/v1/') || pathname === DOCUMENT_PATH) return response;
				// The body is read once, here; the test's own reads then need no round trip.
				const body = await response.body();
				Object.assign(response, {
					body: async () => body,
					text: async () => body.toString('utf8'),
					json: async () => JSON.parse(body.toString('utf8'))
				});
				await expectDocumented(response, method);
				return response;
			};
		}
	});
}

export const test = base.extend({
	request: async ({ request }, use) => use(validating(request))
});
export { expect };
