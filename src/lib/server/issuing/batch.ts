import { inArray } from 'drizzle-orm';
import * as audit from '../audit/append';
import * as authKeys from './auth-keys';
import { db, isDatabaseUnavailable, isDataException } from '../db';
import { certificateVersion, guarantee, organization } from '../db/schema';
import * as guarantees from './guarantees';
import { recordedAs, type IssuerCaller } from '../identity/caller';
import { log } from '../common/log';
import { Problem, unstorable, validationProblem } from '../http/problem';
import type { Verified } from './signatures';
import { mayIssue, wrongIssuerType } from './issuer-types';

/**
 * POST /api/v1/certificates/batch: up to 1,000 registrations, each independent. Signatures
 * and bodies are checked first, outside the database. Then, in one transaction, the valid
 * items go in together: one query for the orderers, one multi-row INSERT … ON CONFLICT DO
 * NOTHING for the guarantees (a number already taken is that item's 409), one for their
 * certificates and one for their audit events (`audit.recordMany`). That bulk step runs in a
 * savepoint: should it fail for any other reason, it is rolled back and every item runs again
 * in a savepoint of its own (`guarantees.register`), so a bad item still rolls back only itself.
 */
export type ItemResult =
	| { index: number; status: 201; body: Awaited<ReturnType<typeof guarantees.register>> }
	| { index: number; status: number; problem: Problem['body'] };

interface Options {
	caller: IssuerCaller;
	requireSignature: boolean;
	verify: (jws: string) => Promise<Verified>;
}

interface Valid {
	index: number;
	input: guarantees.CertificateInput;
	raw: guarantees.Raw;
}
type Prepared = Valid | { index: number; problem: Problem };
type Tx = audit.Transaction;

async function prepare(item: unknown, index: number, options: Options): Promise<Prepared> {
	try {
		const signed =
			item !== null && typeof item === 'object' && !Array.isArray(item) && 'jws' in item;
		let prepared: Valid;
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
			prepared = {
				index,
				input,
				raw: { text: jws, contentType: 'application/jose', kid: verified.kid }
			};
		} else {
			if (options.requireSignature) {
				throw new Problem(
					422,
					'signature-required',
					'This issuer must sign every item ({ "jws": … })'
				);
			}
			const input = guarantees.parse(guarantees.certificateInput, item);
			prepared = {
				index,
				input,
				raw: { text: JSON.stringify(item), contentType: 'application/json', kid: null }
			};
		}
		// The rules across fields, as `register` checks them, so the bulk step can skip them.
		if (!mayIssue(options.caller.issuer.type, prepared.input.kind)) {
			throw wrongIssuerType(options.caller.issuer.type);
		}
		const errors = guarantees.crossFieldErrors(prepared.input.kind, prepared.input);
		if (errors.length) throw validationProblem(errors);
		return prepared;
	} catch (error) {
		if (error instanceof Problem) return { index, problem: error };
		throw error;
	}
}

const failure = (index: number, problem: Problem): ItemResult => ({
	index,
	status: problem.status,
	problem: problem.body
});

/** All valid items in a few statements; fills `out` and returns the items' audit events. */
async function bulk(tx: Tx, items: Valid[], caller: IssuerCaller, out: ItemResult[]) {
	const codes = [...new Set(items.map((item) => item.input.orderer.code))];
	const orgs = codes.length
		? await tx
				.select({ id: organization.id, code: organization.code })
				.from(organization)
				.where(inArray(organization.code, codes))
		: [];
	const orgByCode = new Map(orgs.map((org) => [org.code, org.id]));
	const candidates = [];
	const taken = new Set<string>();
	for (const item of items) {
		const organizationId = orgByCode.get(item.input.orderer.code);
		if (!organizationId) {
			out[item.index] = failure(item.index, guarantees.unknownOrderer());
			continue;
		}
		// The same number twice in one batch: the first one with a known orderer gets it.
		const number = item.input.guaranteeNumber;
		if (taken.has(number)) {
			out[item.index] = failure(item.index, guarantees.duplicateNumber(number));
			continue;
		}
		taken.add(number);
		const id = crypto.randomUUID();
		const key = authKeys.generate();
		candidates.push({ item, id, key, organizationId });
	}
	// Rows in number order: two batches racing for the same numbers wait in the same order.
	const rows = candidates
		.map(({ item, id, key, organizationId }) => ({
			id,
			issuerId: caller.issuer.id,
			guaranteeNumber: item.input.guaranteeNumber,
			kind: item.input.kind,
			organizationId,
			authKeyHash: authKeys.hash(id, key.canonical)
		}))
		.sort((a, b) => (a.guaranteeNumber < b.guaranteeNumber ? -1 : 1));
	const inserted = rows.length
		? await tx
				.insert(guarantee)
				.values(rows)
				.onConflictDoNothing({ target: [guarantee.issuerId, guarantee.guaranteeNumber] })
				.returning({ id: guarantee.id })
		: [];
	const ids = new Set(inserted.map((row) => row.id));
	const created = candidates.filter(({ id }) => ids.has(id));
	if (created.length) {
		await tx
			.insert(certificateVersion)
			.values(created.map(({ item, id }) => guarantees.firstVersion(id, item.input, item.raw)));
	}
	for (const { item, id, key } of candidates) {
		out[item.index] = ids.has(id)
			? {
					index: item.index,
					status: 201,
					body: guarantees.registered(id, item.input, item.raw, key)
				}
			: failure(item.index, guarantees.duplicateNumber(item.input.guaranteeNumber));
	}
	return created.map(({ item, id }) => guarantees.registerEvent(caller, id, item.input, item.raw));
}

/** The fallback: each item in a savepoint of its own, as `register` does it alone. */
async function oneByOne(tx: Tx, items: Valid[], caller: IssuerCaller, out: ItemResult[]) {
	for (const item of items) {
		try {
			const body = await guarantees.register(caller, item.input, item.raw, tx);
			out[item.index] = { index: item.index, status: 201, body };
		} catch (error) {
			// The item's savepoint is rolled back; a value the database refused is that item's 422.
			if (isDataException(error)) out[item.index] = failure(item.index, unstorable());
			else if (error instanceof Problem) out[item.index] = failure(item.index, error);
			else throw error;
		}
	}
}

function summary(caller: IssuerCaller, out: ItemResult[]): audit.EventInput {
	const failed = out.filter((r) => r.status !== 201);
	return {
		action: 'certificate.batch',
		outcome: failed.length === 0 ? 'success' : 'failure',
		...recordedAs(caller),
		issuerId: caller.issuer.id,
		detail: {
			items: out.length,
			created: out.length - failed.length,
			failed: failed.slice(0, 100).map((r) => ({ index: r.index, status: r.status }))
		}
	};
}

export async function registerMany(items: unknown[], options: Options) {
	const { caller } = options;
	const prepared = await Promise.all(items.map((item, index) => prepare(item, index, options)));
	const results: ItemResult[] = await db.transaction(async (tx) => {
		const out: ItemResult[] = new Array(prepared.length);
		const valid: Valid[] = [];
		for (const item of prepared) {
			if ('problem' in item) out[item.index] = failure(item.index, item.problem);
			else valid.push(item);
		}
		try {
			await tx.transaction(async (savepoint) => {
				const events = await bulk(savepoint, valid, caller, out);
				await audit.recordMany([...events, summary(caller, out)], savepoint);
			});
		} catch (error) {
			// No database, no point in trying 1,000 times more: the endpoint answers 503.
			if (isDatabaseUnavailable(error)) throw error;
			log.warn(
				{ requestId: caller.context.requestId, err: String(error) },
				'batch: the bulk insert failed; registering item by item'
			);
			await oneByOne(tx, valid, caller, out);
			await audit.record(summary(caller, out), tx);
		}
		return out;
	});
	return { results };
}
