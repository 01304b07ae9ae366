// The yardstick app of `npm run bench` (issue 16): SvelteKit with the portal's adapter and CSP,
// no hooks, one page with one SELECT. What it reaches is what the framework allows here.
import adapter from '@sveltejs/adapter-node';

export default {
	kit: {
		adapter: adapter({ out: 'build' }),
		csp: { mode: 'auto', directives: { 'default-src': ['self'], 'script-src': ['self'] } }
	}
};
