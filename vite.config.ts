import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { fs: { allow: ['drizzle'] } },
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['src/lib/server/test-setup.ts'],
		globalSetup: ['src/lib/server/test-global-setup.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		// Each file gets its own in-memory database; two workers match the two cores.
		pool: 'forks',
		maxWorkers: 2
	}
});
