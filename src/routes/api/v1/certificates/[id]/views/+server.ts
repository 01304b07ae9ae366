import { endpoint } from '$lib/server/http/api';
import * as guarantees from '$lib/server/issuing/guarantees';
import { Problem } from '$lib/server/http/problem';
import type { RequestHandler } from './$types';

/** 閲覧状況: when and by which orderer the certificate was viewed. */
export const GET: RequestHandler = endpoint(
	{ action: 'certificate.views' },
	async ({ caller, params }) => {
		const found = await guarantees.views(caller.issuer.id, params.id);
		if (!found) throw new Problem(404, 'not-found', 'No such guarantee for this issuer');
		return { status: 200, body: found };
	}
);
