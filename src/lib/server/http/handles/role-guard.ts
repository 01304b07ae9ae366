import type { Handle } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import { auditorMay } from '../guard';
import { refuse, seeOther } from './responses';

/**
 * Layout guards do not cover form actions or endpoints (sveltejs/kit#9482): every `(app)`
 * request is checked here. A full page view that must fail gets the site's own error page from
 * the (app) layout (it always runs on a full render); anything else (actions, data, endpoints)
 * is refused here.
 */
export const guardApp: Handle = async ({ event, resolve }) => {
	const routeId = event.route.id ?? '';
	if (!routeId.startsWith('/(app)')) return resolve(event);
	const pageView = event.request.method === 'GET' && !event.isDataRequest;
	const m = messages(event.locals.locale).common.errors;
	if (event.locals.databaseUnavailable) {
		if (pageView) return resolve(event);
		const response = refuse(503, m.unavailable);
		response.headers.set('retry-after', '5');
		return response;
	}
	const user = event.locals.user;
	if (!user) return pageView ? seeOther('/login') : refuse(401, 'Sign-in required');
	const forbidden =
		(routeId.startsWith('/(app)/admin') && user.role !== 'admin') ||
		(routeId.startsWith('/(app)/audit') && user.role === 'clerk') ||
		(user.role === 'auditor' && !auditorMay(routeId, event.request.method));
	if (forbidden) {
		if (!pageView) return refuse(403, m.forbidden);
		event.locals.forbidden = true;
	}
	if (user.mustChangePassword && routeId !== '/(app)/account/password') {
		return seeOther('/account/password');
	}
	return resolve(event);
};
