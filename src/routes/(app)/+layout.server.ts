import { error } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import type { LayoutServerLoad } from './$types';

/** Runs on every full page render inside (app): answers what the guard in hooks decided. */
export const load: LayoutServerLoad = ({ locals }) => {
	const m = messages(locals.locale).common.errors;
	if (locals.databaseUnavailable) error(503, { message: m.unavailable, code: 'unavailable' });
	if (locals.forbidden) error(403, m.forbidden);
};
