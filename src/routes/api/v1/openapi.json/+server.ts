import { json } from '@sveltejs/kit';
import * as openapi from '$lib/server/issuing/openapi/document';
import type { RequestHandler } from './$types';

/** Public: the contract, not data. */
export const GET: RequestHandler = ({ url }) => json(openapi.document(url.origin));
