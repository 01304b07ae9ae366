import { endpoint, MAX_BATCH_BODY } from '$lib/server/http/api';
import * as batch from '$lib/server/issuing/batch';
import * as guarantees from '$lib/server/issuing/guarantees';
import type { RequestHandler } from './$types';

/** Up to 1,000 registrations; each item answers for itself. */
export const POST: RequestHandler = endpoint(
	{ action: 'certificate.batch', body: 'json', maxBytes: MAX_BATCH_BODY },
	async ({ body, caller, issuer, verify }) => {
		const { items } = guarantees.parse(guarantees.batchInput, body, { wholeBody: false });
		const options = { caller, requireSignature: issuer.requireSignature, verify };
		return { status: 200, body: await batch.registerMany(items, options) };
	}
);
