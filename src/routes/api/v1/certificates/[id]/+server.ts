import { endpoint } from '$lib/server/http/api';
import * as guarantees from '$lib/server/issuing/guarantees';
import { Problem } from '$lib/server/http/problem';
import type { RequestHandler } from './$types';

/** The guarantee with every version, for its own issuer; anyone else's id is not found. */
export const GET: RequestHandler = endpoint(
	{ action: 'certificate.read' },
	async ({ caller, params }) => {
		const found = await guarantees.get(caller.issuer.id, params.id);
		if (!found) throw new Problem(404, 'not-found', 'No such guarantee for this issuer');
		return { status: 200, body: found };
	}
);
