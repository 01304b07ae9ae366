import type { Handle, RequestEvent, ResolveOptions } from '@sveltejs/kit';

type MaybePromise<T> = T | Promise<T>;

/**
 * `sequence` from `@sveltejs/kit/hooks`, with the same order and the same merging of resolve
 * options (a handle's own `transformPageChunk` runs before an outer one's; an outer handle's
 * `filterSerializedResponseHeaders` and `preload` win), without what Kit's adds around each
 * handle: a tracing span, a copy of the event, an AsyncLocalStorage scope and an async step for
 * every page chunk. Kit's tracing is off here, and every handle runs inside the request's own
 * store, which Kit opens around `handle` itself, so `getRequestEvent` still works. With ten
 * handles, Kit's wrapping cost more CPU per request than the handles (docs/PERFORMANCE.md).
 */
export function sequence(...handles: Handle[]): Handle {
	return ({ event, resolve }) => {
		const step = (
			i: number,
			event: RequestEvent,
			outer?: ResolveOptions
		): MaybePromise<Response> =>
			i === handles.length
				? resolve(event, outer)
				: handles[i]({ event, resolve: (event, own) => step(i + 1, event, merge(outer, own)) });
		return step(0, event);
	};
}

function merge(outer?: ResolveOptions, own?: ResolveOptions): ResolveOptions | undefined {
	if (!outer) return own;
	if (!own) return outer;
	const first = own.transformPageChunk;
	const then = outer.transformPageChunk;
	return {
		transformPageChunk:
			first && then
				? async (chunk) => then({ html: (await first(chunk)) ?? '', done: chunk.done })
				: (first ?? then),
		filterSerializedResponseHeaders:
			outer.filterSerializedResponseHeaders ?? own.filterSerializedResponseHeaders,
		preload: outer.preload ?? own.preload
	};
}
