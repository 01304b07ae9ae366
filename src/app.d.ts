import type { SessionUser, ValidSession } from '$lib/server/identity/sessions';
import type { Locale } from '$lib/i18n';
import type { RequestContext } from '$lib/server/identity/request-context';
import type { Caller } from '$lib/server/identity/caller';

declare global {
	namespace App {
		interface Error {
			message: string;
			requestId?: string;
			/** `unavailable` when the database could not answer: shown as "cannot verify now". */
			code?: 'unavailable' | 'unexpected';
		}
		interface Locals {
			user: SessionUser | null;
			session: ValidSession | null;
			locale: Locale;
			context: RequestContext;
			/**
			 * Who is calling, passed first to every domain function: set by the session step in
			 * hooks (a user or anonymous), by the API endpoint wrapper once the token is checked.
			 */
			caller: Caller;
			databaseUnavailable?: boolean;
			/** Set by the guard in hooks.server.ts; the (app) layout answers 403. */
			forbidden?: boolean;
		}
	}
}

export {};
