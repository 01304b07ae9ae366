import { endpoint } from '$lib/server/http/api';
import * as guarantees from '$lib/server/issuing/guarantees';
import { parseChange } from '$lib/server/issuing/signed-changes';
import type { RequestHandler } from './$types';

/** 解約: 200, and 200 again for a guarantee already cancelled. A signed one is bound (API.md §4). */
export const POST: RequestHandler = endpoint(
	{ action: 'certificate.cancel', body: 'signable' },
	async ({ body, raw, caller, params }) => {
		const { input, binding } = parseChange(guarantees.cancellationInput, body, raw);
		const cancelled = await guarantees.cancel(caller, params.id, input, { raw, binding });
		return { status: 200, body: cancelled };
	}
);
