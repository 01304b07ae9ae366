import { endpoint } from '$lib/server/http/api';
import * as guarantees from '$lib/server/issuing/guarantees';
import type { RequestHandler } from './$types';

/** A change certificate (変更); the auth key stays the same. */
export const POST: RequestHandler = endpoint(
	{ action: 'certificate.amend', body: 'signable' },
	async ({ body, raw, caller, params }) => {
		const input = guarantees.parse(guarantees.amendmentInput, body);
		return { status: 201, body: await guarantees.amend(caller, params.id, input, raw) };
	}
);
