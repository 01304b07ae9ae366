import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: 'forks',
		// Two workers match the two cores this project is built and tested on.
		maxWorkers: 2,
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts'],
					exclude: ['src/lib/server/**', 'src/cli/**']
				}
			},
			{
				// Modules that touch the database: each file gets its own in-memory PGlite (a copy of
				// the one global-setup.ts migrated), or the shared PostgreSQL named by DATABASE_URL.
				extends: true,
				test: {
					name: 'server',
					include: ['src/lib/server/**/*.test.ts', 'src/cli/**/*.test.ts'],
					setupFiles: ['src/lib/server/testing/setup.ts'],
					globalSetup: ['src/lib/server/testing/global-setup.ts']
				}
			}
		]
	}
});
