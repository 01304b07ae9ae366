import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { demoUser, expectAccessible, ORIGIN, screenshot, seed, signIn } from './support/fixtures';

/**
 * Auditors (監査) read; they change nothing (DESIGN.md "Who uses it", issue 12). The matrix is
 * every form action and writing endpoint under (app), found in the source, so an action added
 * later is in it too: each is refused with 403 for an auditor, and nothing is stored, except
 * the two an auditor needs (their own password, and the print record of a certificate read).
 */
const APP = 'src/routes/(app)';
const AUDITOR_MAY = ['/account/password', '/certificates/[id]?/print'];

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		return statSync(full).isDirectory() ? files(full) : [full];
	});
}

/** `/contracts/[id]?/attach` for every action and writing method under (app). */
function writingRoutes(): string[] {
	const routes: string[] = [];
	for (const file of files(APP)) {
		const route = path.dirname(file).slice(APP.length) || '/';
		const source = readFileSync(file, 'utf8');
		if (file.endsWith('+page.server.ts') && source.includes('export const actions')) {
			const body = source.slice(source.indexOf('export const actions'));
			// Action names may be quoted ('other-security').
			for (const [, name] of body.matchAll(/^\t'?([\w-]+)'?: async/gm)) {
				routes.push(name === 'default' ? route : `${route}?/${name}`);
			}
		}
		if (file.endsWith('+server.ts')) {
			for (const [, method] of source.matchAll(/export const (POST|PUT|PATCH|DELETE)\b/g)) {
				routes.push(`${method} ${route}`);
			}
		}
	}
	return routes.sort();
}

test('an auditor is refused every writing action, and nothing is stored', async ({ page }) => {
	const routes = writingRoutes();
	// The matrix found the actions it must (a sanity check of the search itself).
	expect(routes).toEqual(
		expect.arrayContaining([
			'/verify',
			'/contracts/new',
			'/contracts/import',
			'/contracts/[id]?/attach',
			'/contracts/[id]?/update',
			'/contracts/[id]?/other-security',
			'/contracts/[id]?/detach',
			'/admin?/add',
			...AUDITOR_MAY
		])
	);
	await signIn(page, demoUser('kansa'));
	const fileHref = `/contracts/${seed().contractGuarantees.readOnlyFile}`;
	const certificate = seed().guarantees.original.id;
	const ids = {
		'/contracts/[id]': fileHref,
		'/certificates/[id]': `/certificates/${certificate}`
	};
	const contractNumber = `AUDITOR-${Date.now()}`;
	const form = {
		contractNumber,
		worksName: '監査人の工事',
		contractorName: '監査建設',
		contractAmount: '1000000',
		startOn: '2026-07-01',
		endOn: '2027-03-31',
		guaranteeNumber: seed().guarantees.original.guaranteeNumber,
		authKey: seed().guarantees.original.authKey,
		purpose: 'contract',
		changedOn: '2026-10-01',
		username: 'auditor-made',
		role: 'admin',
		current: 'x',
		next: 'y',
		confirm: 'z'
	};
	for (const route of routes) {
		const [method, target] = route.includes(' ') ? route.split(' ') : ['POST', route];
		const [pattern, action] = target.split('?');
		const url =
			(Object.entries(ids).find(([p]) => pattern === p)?.[1] ?? pattern) +
			(action ? `?${action}` : '');
		const response = await page.request.fetch(url, {
			method,
			form,
			headers: { origin: ORIGIN, accept: 'application/json' },
			maxRedirects: 0
		});
		if (AUDITOR_MAY.includes(route)) expect(response.status(), route).not.toBe(403);
		else expect(response.status(), route).toBe(403);
	}
	// Nothing from those requests exists: no contract file, no user.
	const clerk = await (await page.context().browser()!.newContext()).newPage();
	await signIn(clerk, demoUser('admin'));
	await clerk.goto(`/contracts?q=${contractNumber}`);
	await expect(clerk.locator('tbody')).not.toContainText(contractNumber);
	await clerk.goto('/admin');
	await expect(clerk.locator('tr[data-username="auditor-made"]')).toHaveCount(0);
});

test('an auditor sees no form it cannot use', async ({ page }) => {
	await signIn(page, demoUser('kansa'));
	await expect(page.getByRole('navigation')).not.toContainText('電子証書の照合');
	await expect(page.getByRole('link', { name: '照合する' })).toHaveCount(0);
	expect((await page.goto('/verify'))?.status()).toBe(403);
	expect((await page.goto('/contracts/new'))?.status()).toBe(403);
	await page.goto('/contracts');
	await expect(page.getByRole('link', { name: '案件を登録' })).toHaveCount(0);
	await page.getByRole('link', { name: 'R8-監査-0001' }).first().click();
	await expect(page.locator('h1')).toContainText('町民会館改修工事');
	await expect(page.locator('form[method="POST"][action^="?/"]')).toHaveCount(0);
	await expectAccessible(page);
	await screenshot(page, 'contract-file-auditor');
});
