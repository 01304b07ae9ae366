import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	const user = locals.user;
	return {
		locale: locals.locale,
		user: user && {
			username: user.username,
			displayName: user.displayName,
			role: user.role,
			organizationName: user.organizationName
		}
	};
};
