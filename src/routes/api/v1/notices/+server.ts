import { getRequestEvent } from '$app/server';
import { endpoint } from '$lib/server/http/api';
import * as guarantees from '$lib/server/issuing/guarantees';
import * as notices from '$lib/server/issuing/notices';
import { Problem } from '$lib/server/http/problem';
import type { RequestHandler } from './$types';

/** The printable お知らせ (A4 PDF), for the issuer that presents the guarantee's current key. */
export const POST: RequestHandler = endpoint(
	{ action: 'notice.render', body: 'json' },
	async ({ body, issuer, caller }) => {
		const input = guarantees.parse(guarantees.noticeInput, body);
		// Printed on the notice: where the orderer's clerk verifies (this portal's /verify).
		const portalUrl = new URL('/verify', getRequestEvent().url).href;
		const made = await notices.renderFor(
			caller,
			issuer,
			input.guaranteeNumber,
			input.authKey,
			portalUrl
		);
		if (made.error !== undefined) {
			if (made.error === 'not-found') {
				throw new Problem(404, 'not-found', 'No such guarantee for this issuer');
			}
			throw new Problem(422, 'validation', 'The auth key does not match', [
				{
					path: '/authKey',
					message: made.reason === 'mismatch' ? 'not the current key' : `invalid (${made.reason})`
				}
			]);
		}
		return new Response(made.pdf as BodyInit, {
			headers: {
				'content-type': 'application/pdf',
				'content-disposition': `inline; filename="notice-${made.guarantee.guaranteeNumber}.pdf"`,
				'cache-control': 'no-store'
			}
		});
	}
);
