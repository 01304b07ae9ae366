import { endpoint } from '$lib/server/http/api';
import * as guarantees from '$lib/server/issuing/guarantees';
import { parseChange, reissueInput } from '$lib/server/issuing/signed-changes';
import type { RequestHandler } from './$types';

/**
 * A new auth key; the previous one stops working at once. No body, or a signed
 * `{ "guaranteeNumber", "iat" }`, which an issuer that requires signatures must send (API.md §4).
 */
export const POST: RequestHandler = endpoint(
	{ action: 'certificate.reissue-key', body: 'signed-or-none' },
	async ({ body, raw, caller, params }) => {
		const { binding } = parseChange(reissueInput, body ?? {}, raw);
		return { status: 200, body: await guarantees.reissueKey(caller, params.id, { raw, binding }) };
	}
);
