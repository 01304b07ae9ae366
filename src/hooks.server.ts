import type { ServerInit } from '@sveltejs/kit';
import { sequence } from '$lib/server/http/handles/sequence';
import { migrate } from '$lib/server/db/migrate';
import * as auditCheckpoints from '$lib/server/audit/checkpoint-schedule';
import { startHousekeeping } from '$lib/server/common/housekeeping';
import { log } from '$lib/server/common/log';
import { admissionLimit } from '$lib/server/http/handles/admission';
import { requestContext } from '$lib/server/http/handles/request-context';
import { requestLog } from '$lib/server/http/handles/request-log';
import { securityHeaders } from '$lib/server/http/handles/security-headers';
import { databaseOutage } from '$lib/server/http/handles/outage';
import { readUnreadBody } from '$lib/server/http/handles/unread-body';
import { deadline } from '$lib/server/http/handles/deadline';
import { refuseCrossSiteForms } from '$lib/server/http/handles/cross-site';
import { session } from '$lib/server/http/handles/session';
import { guardApp } from '$lib/server/http/handles/role-guard';
import { handleShutdown } from '$lib/server/http/shutdown';
import { dev } from '$app/environment';

export const init: ServerInit = async () => {
	await migrate();
	auditCheckpoints.schedule();
	// Outsiders' failed sign-ins folded into the trail, old counters removed (issue 12).
	const stopHousekeeping = startHousekeeping();
	// The built server only: Vite's dev server stops itself.
	if (!dev) handleShutdown(stopHousekeeping);
	// A stray rejection (a driver's socket error while the database restarts) is logged; it must
	// not take the whole portal down with every clerk's request in flight.
	process.on('unhandledRejection', (reason) => {
		log.error({ err: reason }, 'unhandled rejection');
	});
};

/**
 * Every request passes these in order, each one a module in lib/server/http that says why it
 * exists. The outer ones see the final answer of the inner ones: the log line and the security
 * headers cover a deadline's 503 and a guard's refusal alike.
 */
export const handle = sequence(
	admissionLimit,
	requestContext,
	requestLog,
	securityHeaders,
	databaseOutage,
	readUnreadBody,
	deadline,
	refuseCrossSiteForms,
	session,
	guardApp
);

export { handleError } from '$lib/server/http/handles/errors';
