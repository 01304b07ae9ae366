import { endpoint } from '$lib/server/http/api';
import * as guarantees from '$lib/server/issuing/guarantees';
import type { RequestHandler } from './$types';

/** 解約: 200, and 200 again for a guarantee already cancelled. */
export const POST: RequestHandler = endpoint(
	{ action: 'certificate.cancel', body: 'signable' },
	async ({ body, caller, params }) => {
		const input = guarantees.parse(guarantees.cancellationInput, body);
		return { status: 200, body: await guarantees.cancel(caller, params.id, input) };
	}
);
