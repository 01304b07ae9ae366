import { endpoint } from '$lib/server/http/api';
import * as guarantees from '$lib/server/issuing/guarantees';
import type { RequestHandler } from './$types';

/** Register a guarantee (shared/API.md §1): 201 with the auth key, shown this once. */
export const POST: RequestHandler = endpoint(
	{ action: 'certificate.register', body: 'signable' },
	async ({ body, raw, caller }) => {
		const input = guarantees.parse(guarantees.certificateInput, body);
		return { status: 201, body: await guarantees.register(caller, input, raw) };
	}
);
