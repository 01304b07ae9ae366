import { json } from '@sveltejs/kit';
import * as health from '$lib/server/http/health';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const ready = await health.databaseAnswers();
	return json(
		{ status: ready ? 'ok' : 'unavailable' },
		{ status: ready ? 200 : 503, headers: ready ? {} : { 'retry-after': '5' } }
	);
};
