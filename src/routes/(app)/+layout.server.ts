import { error } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	if (locals.forbidden) error(403, messages(locals.locale).common.errors.forbidden);
};
