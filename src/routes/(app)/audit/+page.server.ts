import * as auditCheckpoints from '$lib/server/audit/checkpoint-status';
import * as auditSearch from '$lib/server/audit/search';
import * as lockTrails from '$lib/server/audit/lock-trail';
import * as users from '$lib/server/identity/users';
import { echo } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guard';
import { withoutBidi } from '$lib/server/common/text';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { user } = requireUser('admin', 'auditor');
	const raw = auditSearch.filterParams(url.searchParams);
	const parsed = auditSearch.filtersSchema.safeParse(raw);
	const filters = parsed.success ? parsed.data : {};
	const [page, people, checkpoint] = await Promise.all([
		auditSearch.list(user.organizationId, filters),
		users.list(user.organizationId),
		auditCheckpoints.statusFor(user.organizationId)
	]);
	const trails = await lockTrails.trailsOf(user.organizationId, page.events);
	// The actor's name beside the login: 田中 花子（124249/tanaka）.
	const names = new Map(people.map((person) => [person.id, person.displayName]));
	// Typed by whoever made the event (a sign-in name, a number at /verify): the trail keeps it
	// as typed, the screen never renders a bidirectional control (issue 12).
	const actor = (event: { actorId: string | null; actorLabel: string | null }) => ({
		name: (event.actorId && names.get(event.actorId)) || null,
		login: event.actorLabel && withoutBidi(event.actorLabel)
	});
	return {
		invalid: !parsed.success,
		values: parsed.success ? echo(raw) : {},
		events: page.events.map((event) => {
			const trail = trails.get(event.id);
			return {
				id: event.id,
				at: event.at,
				action: event.action,
				outcome: event.outcome,
				reason: event.reason,
				actor: actor(event),
				guaranteeNumber: event.guaranteeNumber && withoutBidi(event.guaranteeNumber),
				guaranteeId: event.guaranteeId,
				purpose: event.purpose,
				ip: event.ip,
				// Outsiders' failed sign-ins folded into one event (identity/sign-in-failures.ts).
				count: (event.detail as { count?: unknown } | null)?.count ?? null,
				// Whose lock an admin lifted (identity/lock-admin.ts); a number is in its own column.
				liftedFor: event.action === 'rate-limit.lift' ? liftedFor(event.detail) : null,
				lockTrail: trail && {
					attempts: trail.attempts.map((a) => ({ ...a, actor: actor(a) })),
					elsewhere: trail.elsewhere
				}
			};
		}),
		nextBefore: page.nextBefore,
		people: people.map(({ id, username, displayName }) => ({ id, username, displayName })),
		checkpoint
	};
};

function liftedFor(detail: unknown): string | null {
	const { username, address } = (detail ?? {}) as { username?: unknown; address?: unknown };
	if (typeof username !== 'string') return null;
	return typeof address === 'string' ? `${username} ${address}` : username;
}
