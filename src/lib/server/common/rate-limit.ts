import { and, eq, or, sql } from 'drizzle-orm';
import { db, statement } from '../db';
import { rateLimit } from '../db/schema';

/**
 * Fixed-window counters in the database, so that every app instance sees the same count.
 * Reserve first, then decide (DESIGN.md "Rate limits"): `reserve` counts one attempt against
 * several limits in one statement (the `rate_limit_reserve` function, migration 0005), and only
 * when every one of them still has room. So N parallel attempts count exactly N, and no more
 * attempts than a limit allows ever get past it. An attempt that turns out not to count (a
 * correct key, a successful sign-in) gives its reservation back with `release`.
 */
export interface Limit {
	max: number;
	windowSeconds: number;
}

export interface Counter {
	key: string;
	limit: Limit;
}

export interface CounterState {
	key: string;
	/** Attempts counted in the current window, this one included when it was reserved. */
	count: number;
	/** Attempts left in the window before this counter refuses. */
	remaining: number;
	/** When the current window ends (the earliest moment a refused caller may try again). */
	resetAt: Date;
	/** The window's start as stored: a release gives back only within the same window. */
	windowStart: Date;
}

export interface Reservation {
	reserved: boolean;
	/** The counters in the order given. */
	counters: CounterState[];
	/** When not reserved: the first counter (in the order given) that had no room. */
	full?: CounterState;
}

const RESERVE = `select limit_key, used, window_began, reserved
	from rate_limit_reserve($1::text[], $2::int[], $3::int[])`;

interface Row {
	limit_key: string;
	used: number;
	window_began: Date | string;
	reserved: boolean;
}

/** Counts one attempt against every counter, or against none when one of them is full. */
export async function reserve(counters: Counter[]): Promise<Reservation> {
	if (new Set(counters.map((c) => c.key)).size !== counters.length) {
		throw new Error('rate-limit keys of one reservation must differ');
	}
	const rows = await statement<Row>(RESERVE, [
		counters.map((c) => c.key),
		counters.map((c) => c.limit.max),
		counters.map((c) => c.limit.windowSeconds)
	]);
	const states = counters.map(({ key, limit }) => {
		const row = rows.find((r) => r.limit_key === key)!;
		const windowStart = new Date(row.window_began);
		const count = Number(row.used);
		return {
			key,
			count,
			remaining: Math.max(0, limit.max - count),
			resetAt: new Date(windowStart.getTime() + limit.windowSeconds * 1000),
			windowStart
		};
	});
	const reserved = rows.length > 0 && rows[0].reserved;
	return {
		reserved,
		counters: states,
		full: reserved ? undefined : states.find((s) => s.remaining === 0)
	};
}

/** Gives a reservation back on the counters named (all by default), within its own window. */
export async function release(reservation: Reservation, keys?: string[]): Promise<void> {
	if (!reservation.reserved) return;
	const given = reservation.counters.filter((c) => !keys || keys.includes(c.key));
	if (!given.length) return;
	await db
		.update(rateLimit)
		.set({ count: sql`greatest(${rateLimit.count} - 1, 0)` })
		.where(
			or(
				...given.map((c) => and(eq(rateLimit.key, c.key), eq(rateLimit.windowStart, c.windowStart)))
			)
		);
}

/** Starts the counter afresh (a successful sign-in clears that browser's or address's failures). */
export async function reset(key: string): Promise<void> {
	await db.delete(rateLimit).where(eq(rateLimit.key, key));
}

/**
 * Removes counters whose window ended long ago (every window here is at most 30 days): such a
 * row counts nothing any more, and a reservation makes it again when needed.
 */
export async function prune(olderThanDays = 31): Promise<void> {
	await db
		.delete(rateLimit)
		.where(sql`${rateLimit.windowStart} < now() - make_interval(days => ${olderThanDays})`);
}

export function retryAfterSeconds(state: { resetAt: Date }): number {
	return Math.max(1, Math.ceil((state.resetAt.getTime() - Date.now()) / 1000));
}
