import { endpoint } from '$lib/server/http/api';
import * as guarantees from '$lib/server/issuing/guarantees';
import { parseChange } from '$lib/server/issuing/signed-changes';
import type { RequestHandler } from './$types';

/** A change certificate (変更); the auth key stays the same. A signed one is bound (API.md §4). */
export const POST: RequestHandler = endpoint(
	{ action: 'certificate.amend', body: 'signable' },
	async ({ body, raw, caller, params }) => {
		const { input, binding } = parseChange(guarantees.amendmentInput, body, raw);
		const amended = await guarantees.amend(caller, params.id, input, { raw, binding });
		return { status: 201, body: amended };
	}
);
