import * as audit from './audit';
import { db } from './db';
import * as guarantees from './guarantees';
import { Problem } from './problem';
import type { Verified } from './signatures';

/**
 * POST /api/v1/certificates/batch: up to 1,000 registrations, each independent. Signatures
 * and bodies are checked first, outside the database; then every item runs in its own
 * savepoint of one transaction, so a bad item rolls back only itself.
 */
export type ItemResult =
	| { index: number; status: 201; body: Awaited<ReturnType<typeof guarantees.register>> }
	| { index: number; status: number; problem: Problem['body'] };

interface Options {
	caller: guarantees.Caller;
	requireSignature: boolean;
	verify: (jws: string) => Promise<Verified>;
}

type Prepared =
	| { index: number; input: guarantees.CertificateInput; raw: guarantees.Raw }
	| { index: number; problem: Problem };

async function prepare(item: unknown, index: number, options: Options): Promise<Prepared> {
	try {
		const signed =
			item !== null && typeof item === 'object' && !Array.isArray(item) && 'jws' in item;
		if (signed) {
			const { jws, ...rest } = item as { jws: unknown };
			if (typeof jws !== 'string' || Object.keys(rest).length > 0) {
				throw new Problem(422, 'validation', 'A signed item is { "jws": "<compact JWS>" }', [
					{ path: '/jws', message: 'must be the only field, a string' }
				]);
			}
			const verified = await options.verify(jws);
			if (!verified.ok)
				throw new Problem(422, 'signature', `Signature rejected: ${verified.reason}`);
			let body: unknown;
			try {
				body = JSON.parse(verified.payload);
			} catch {
				throw new Problem(400, 'malformed-json', 'The signed payload is not valid JSON');
			}
			const input = guarantees.parse(guarantees.certificateInput, body);
			return {
				index,
				input,
				raw: { text: jws, contentType: 'application/jose', kid: verified.kid }
			};
		}
		if (options.requireSignature) {
			throw new Problem(
				422,
				'signature-required',
				'This issuer must sign every item ({ "jws": … })'
			);
		}
		const input = guarantees.parse(guarantees.certificateInput, item);
		return {
			index,
			input,
			raw: { text: JSON.stringify(item), contentType: 'application/json', kid: null }
		};
	} catch (error) {
		if (error instanceof Problem) return { index, problem: error };
		throw error;
	}
}

export async function registerMany(items: unknown[], options: Options) {
	const prepared: Prepared[] = [];
	for (const [index, item] of items.entries()) prepared.push(await prepare(item, index, options));
	const results: ItemResult[] = await db.transaction(async (tx) => {
		const out: ItemResult[] = [];
		for (const item of prepared) {
			if ('problem' in item) {
				out.push({ index: item.index, status: item.problem.status, problem: item.problem.body });
				continue;
			}
			try {
				const body = await guarantees.register(options.caller, item.input, item.raw, tx);
				out.push({ index: item.index, status: 201, body });
			} catch (error) {
				if (!(error instanceof Problem)) throw error;
				out.push({ index: item.index, status: error.status, problem: error.body });
			}
		}
		const failed = out.filter((r) => r.status !== 201);
		await audit.record(
			{
				action: 'certificate.batch',
				outcome: failed.length === 0 ? 'success' : 'failure',
				actor: options.caller.actor,
				context: options.caller.context,
				issuerId: options.caller.issuerId,
				detail: {
					items: out.length,
					created: out.length - failed.length,
					failed: failed.slice(0, 100).map((r) => ({ index: r.index, status: r.status }))
				}
			},
			tx
		);
		return out;
	});
	return { results };
}
