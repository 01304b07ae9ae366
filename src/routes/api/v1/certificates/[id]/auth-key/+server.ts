import { endpoint } from '$lib/server/http/api';
import * as guarantees from '$lib/server/issuing/guarantees';
import type { RequestHandler } from './$types';

/** A new auth key; the previous one stops working at once. */
export const POST: RequestHandler = endpoint(
	{ action: 'certificate.reissue-key', body: 'none' },
	async ({ caller, params }) => ({
		status: 200,
		body: await guarantees.reissueKey(caller, params.id)
	})
);
