import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { checkSymbol, qrPayload } from '../src/lib/auth-key';
import {
	demoUser,
	expectAccessible,
	ORIGIN,
	screenshot,
	screenshotWidths,
	seed,
	signIn
} from './support/fixtures';

const guarantees = () => seed().guarantees;
const NO_MATCH = '保証契約番号または認証キーが正しくないか';

/** Every request the page makes must go to the app itself (no CDN, no outside host). */
function watchRequests(page: Page) {
	const urls: string[] = [];
	page.on('request', (request) => urls.push(request.url()));
	return {
		urls,
		expectOnlyOwnOrigin: () =>
			expect(urls.filter((url) => !/^(data|blob):/.test(url) && !url.startsWith(ORIGIN))).toEqual(
				[]
			)
	};
}

/** Submits the form and waits for the server's answer. */
async function submit(page: Page) {
	await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/verify')),
		page.getByRole('button', { name: '照合する' }).click()
	]);
}

async function openVerify(page: Page, user = demoUser('tanaka')) {
	await signIn(page, user);
	await page.goto('/verify');
	await expect(page.getByRole('heading', { name: '電子証書の照合' })).toBeVisible();
}

/** A key that passes the check symbol but is not this guarantee's. */
function wrongKey(key: string) {
	const canonical = key.replace(/-/g, '');
	const payload = (canonical[0] === '2' ? '3' : '2') + canonical.slice(1, 19);
	return payload + checkSymbol(payload);
}

const toFullWidth = (text: string) =>
	text.replace(/[0-9A-Za-z-]/g, (c) =>
		c === '-' ? 'ー' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)
	);

test.describe('typing the key', () => {
	test('full-width, lower-case input is formatted as typed and reaches the certificate', async ({
		page
	}) => {
		const g = guarantees().original;
		const requests = watchRequests(page);
		await openVerify(page);
		await expectAccessible(page);
		await screenshot(page, 'verify-empty');

		await page.getByLabel('保証契約番号').fill(g.guaranteeNumber.toLowerCase());
		const key = page.getByLabel('認証キー');
		await key.fill(toFullWidth(g.authKey.toLowerCase()));
		await expect(key).toHaveValue(g.authKey);
		await page.getByLabel('契約時', { exact: true }).check();
		await page.getByRole('button', { name: '照合する' }).click();

		await expect(page).toHaveURL(`/certificates/${g.id}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/有効な電子証書です/);
		await expect(page.getByTestId('verdict')).toContainText('前払金保証');
		await expect(page.getByTestId('status')).toHaveText(/有効/);
		await expect(page.getByTestId('signature')).toContainText('電子署名を確認しました');
		await expect(page.getByTestId('signature')).toContainText('ejcs-2026-01');
		await expect(page.getByText('¥38,500,000')).toBeVisible();
		await expect(page.getByText(/令和8年7月4日（2026-07-04）/).first()).toBeVisible();
		// The verification record is for paper only.
		await expect(page.getByText('照合日時')).toBeHidden();
		await expectAccessible(page);
		await screenshot(page, 'certificate-original');

		await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByText('検証記録', { exact: true })).toBeVisible();
		await expect(page.getByText(`${ORIGIN}/certificates/${g.id}`)).toBeVisible();
		await expect(page.getByRole('img', { name: /QRコード/ })).toBeVisible();
		await expect(page.getByRole('button', { name: '検証記録を印刷' })).toBeHidden();
		// The signed audit checkpoint in force, to match the paper with the trail later.
		await expect(page.getByTestId('checkpoint-line')).toHaveText(
			/^監査ログのチェックポイント: 第\d+号（[0-9a-f]{12}）令和\d+年\d+月\d+日 /
		);
		await screenshot(page, 'certificate-print');
		await page.emulateMedia({ media: 'screen' });
		requests.expectOnlyOwnOrigin();

		// The home page lists it among this organisation's recent checks.
		await page.goto('/');
		const recent = page.getByRole('region', { name: '最近照合した電子証書' });
		await expect(recent.getByRole('link', { name: g.guaranteeNumber })).toBeVisible();
		await expectAccessible(page);
	});

	test('a bad check symbol is told at once and nothing is sent', async ({ page }) => {
		const g = guarantees().original;
		await openVerify(page);
		const posts: string[] = [];
		page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
		await page.getByLabel('保証契約番号').fill(g.guaranteeNumber);
		const last = g.authKey.at(-1)!;
		const typo = g.authKey.slice(0, -1) + (last === 'A' ? 'B' : 'A');
		await page.getByLabel('認証キー').pressSequentially(typo.replace(/-/g, '').toLowerCase());
		await expect(page.getByLabel('認証キー')).toHaveValue(typo);
		await expect(page.getByText('認証キーに入力誤りがあります')).toBeVisible();
		await expect(page.getByLabel('認証キー')).toHaveAttribute('aria-invalid', 'true');
		await page.getByLabel('前払金請求時', { exact: true }).check();
		await page.getByRole('button', { name: '照合する' }).click();
		await expect(page).toHaveURL(/\/verify$/);
		expect(posts).toEqual([]);
		await expectAccessible(page);
		await screenshot(page, 'verify-typing-error');
	});

	test('a handheld scanner typing the QR text and Enter fills both fields and submits', async ({
		page
	}) => {
		const g = guarantees().scanned;
		await openVerify(page);
		await page.getByLabel('その他', { exact: true }).check();
		await page.getByLabel('認証キー').focus();
		await page.keyboard.type(qrPayload(g.guaranteeNumber, g.authKey.replace(/-/g, '')));
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(`/certificates/${g.id}`);
	});

	test('the certificate with two change certificates shows what changed from what to what', async ({
		page
	}) => {
		const g = guarantees().amended;
		await openVerify(page);
		await page.getByLabel('保証契約番号').fill(g.guaranteeNumber);
		await page.getByLabel('認証キー').fill(g.authKey);
		await page.getByLabel('前払金請求時', { exact: true }).check();
		await page.getByRole('button', { name: '照合する' }).click();
		await expect(page).toHaveURL(`/certificates/${g.id}`);
		await expect(page.getByTestId('signature')).toContainText('署名なし');
		const second = page.locator('li[data-version="2"]');
		await expect(second).toContainText('第1回変更');
		await expect(second).toContainText('増額');
		const amount = second.locator('tr[data-field="contractAmount"]');
		await expect(amount.locator('.from')).toHaveText('¥38,500,000');
		await expect(amount.locator('.to')).toHaveText('¥42,350,000');
		const third = page.locator('li[data-version="3"]');
		await expect(third).toContainText('保証期限変更');
		await expect(third.locator('tr[data-field="guaranteeEndOn"] .to')).toHaveText(
			'令和9年3月31日（2027-03-31）'
		);
		await expect(third.locator('tr')).toHaveCount(3); // header + 工期（終期）+ 保証期限
		// This organisation's earlier view shows on the next one, with the purpose.
		await page.reload();
		await expect(page.getByRole('region', { name: 'この団体での閲覧記録' })).toContainText(
			'前払金請求時'
		);
		await expectAccessible(page);
		await screenshot(page, 'certificate-two-changes');
	});

	test('cancelled and expired guarantees say so', async ({ page }) => {
		const { cancelled, expired } = guarantees();
		for (const [g, status] of [
			[cancelled, '解約'],
			[expired, '保証期間が満了']
		] as const) {
			await page.context().clearCookies();
			await openVerify(page);
			await page.getByLabel('保証契約番号').fill(g.guaranteeNumber);
			await page.getByLabel('認証キー').fill(g.authKey);
			await page.getByLabel('契約時', { exact: true }).check();
			await page.getByRole('button', { name: '照合する' }).click();
			await expect(page).toHaveURL(`/certificates/${g.id}`);
			await expect(page.getByTestId('status')).toHaveText(new RegExp(status));
			await expectAccessible(page);
		}
	});
});

test('without a usable camera the scanner says so plainly', async ({ page }) => {
	await openVerify(page);
	await page.getByRole('button', { name: 'カメラでQRコードを読み取る' }).click();
	// Headless Chromium here has no camera and no permission: either answer is a clear state.
	await expect(page.getByRole('status').filter({ hasText: /カメラ/ })).toHaveText(
		/この端末ではカメラを利用できません|カメラの使用が許可されていません/
	);
	await expectAccessible(page);
	await screenshot(page, 'verify-no-camera');
});

test.describe('without JavaScript (API.md §3)', () => {
	test('POST /verify answers 303, 400 with one message or a typing hint', async ({ page }) => {
		const g = guarantees().original;
		await signIn(page, demoUser('tanaka'));
		const post = (form: Record<string, string>) =>
			page.request.post('/verify', {
				form,
				headers: { origin: ORIGIN, accept: 'text/html' },
				maxRedirects: 0
			});
		const ok = await post({
			guaranteeNumber: g.guaranteeNumber,
			authKey: g.authKey,
			purpose: 'contract'
		});
		expect(ok.status()).toBe(303);
		expect(ok.headers()['location']).toBe(`/certificates/${g.id}`);

		const wrong = await post({
			guaranteeNumber: g.guaranteeNumber,
			authKey: wrongKey(g.authKey),
			purpose: 'contract'
		});
		expect(wrong.status()).toBe(400);
		expect(await wrong.text()).toContain(NO_MATCH);
		const unknown = await post({
			guaranteeNumber: 'NO-SUCH-0001',
			authKey: g.authKey,
			purpose: 'contract'
		});
		expect(unknown.status()).toBe(400);
		expect(await unknown.text()).toContain(NO_MATCH);

		const typo = await post({
			guaranteeNumber: g.guaranteeNumber,
			authKey: g.authKey.slice(0, -1) + (g.authKey.endsWith('A') ? 'B' : 'A'),
			purpose: 'contract'
		});
		expect(typo.status()).toBe(400);
		const html = await typo.text();
		expect(html).toContain('認証キーに入力誤りがあります');
		expect(html).not.toContain(g.authKey.slice(0, 14));
		expect(html).toContain(`value="${g.guaranteeNumber}"`);

		// The whole scanner text typed into the number field works too.
		const scanned = await post({
			guaranteeNumber: qrPayload(g.guaranteeNumber, g.authKey.replace(/-/g, '')),
			authKey: '',
			purpose: 'other'
		});
		expect(scanned.status()).toBe(303);
	});
});

test.describe('tenants', () => {
	test("another organisation's clerk gets the wrong-key message and a 404", async ({ page }) => {
		const { original, chosei } = guarantees();
		// 長生村's clerk presents 白子町's number with its real key.
		await openVerify(page, demoUser('yamada'));
		await page.getByLabel('保証契約番号').fill(original.guaranteeNumber);
		await page.getByLabel('認証キー').fill(original.authKey);
		await page.getByLabel('契約時', { exact: true }).check();
		await submit(page);
		const foreign = await page.getByRole('alert').textContent();
		expect(foreign).toContain(NO_MATCH);

		await page.getByLabel('保証契約番号').fill(chosei.guaranteeNumber);
		await page.getByLabel('認証キー').fill(wrongKey(chosei.authKey));
		await submit(page);
		await expect(page.getByRole('alert')).toHaveText(foreign!);

		const response = await page.goto(`/certificates/${original.id}`);
		expect(response?.status()).toBe(404);
		await expectAccessible(page);

		// 長生村 reads its own; 白子町 then gets a 404 on it.
		await page.goto('/verify');
		await page.getByLabel('保証契約番号').fill(chosei.guaranteeNumber);
		await page.getByLabel('認証キー').fill(chosei.authKey);
		await page.getByLabel('契約時', { exact: true }).check();
		await page.getByRole('button', { name: '照合する' }).click();
		await expect(page).toHaveURL(`/certificates/${chosei.id}`);
		await page.context().clearCookies();
		await signIn(page, demoUser('tanaka'));
		expect((await page.goto(`/certificates/${chosei.id}`))?.status()).toBe(404);
	});
});

test.describe('lockout', () => {
	test('the number locks after five wrong keys and the clerk is told until when', async ({
		page
	}) => {
		const g = guarantees().locked;
		await openVerify(page, seed().users.verifyLocked);
		await page.getByLabel('保証契約番号').fill(g.guaranteeNumber);
		await page.getByLabel('契約時', { exact: true }).check();
		const bad = wrongKey(g.authKey);
		for (let i = 0; i < 4; i++) {
			await page.getByLabel('認証キー').fill(bad);
			await submit(page);
			await expect(page.getByRole('alert')).toContainText(NO_MATCH);
			// API.md §4: the wrong keys left before the number locks for this organisation.
			await expect(page.locator('[data-remaining]')).toHaveAttribute('data-remaining', `${4 - i}`);
			await expect(page.getByRole('alert')).toContainText(`あと${4 - i}回誤った認証キー`);
			if (i === 0) {
				await expectAccessible(page);
				await screenshotWidths(page, 'verify-wrong-key');
			}
		}
		await page.getByLabel('認証キー').fill(bad);
		await submit(page);
		const alert = page.getByRole('alert');
		await expect(alert).toContainText('この保証契約番号は、いま照合できません');
		await expect(alert).toContainText(/令和\d+年\d+月\d+日 \d{1,2}:\d{2} 以降/);
		await expectAccessible(page);
		await screenshot(page, 'verify-locked');
		await screenshotWidths(page, 'verify-locked');

		// Even the right key is refused while locked; without JavaScript the answer is a 429.
		const response = await page.request.post('/verify', {
			form: { guaranteeNumber: g.guaranteeNumber, authKey: g.authKey, purpose: 'contract' },
			headers: { origin: ORIGIN, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status()).toBe(429);
		expect(Number(response.headers()['retry-after'])).toBeGreaterThan(60);
	});
});

test.describe('reading the notice file', () => {
	test('an uploaded PNG of the QR code opens the certificate', async ({ page }) => {
		const g = guarantees().scanned;
		const requests = watchRequests(page);
		await openVerify(page);
		await page.getByLabel('中間前払金請求時', { exact: true }).check();
		const png = await QRCode.toBuffer(qrPayload(g.guaranteeNumber, g.authKey.replace(/-/g, '')));
		await page
			.locator('#notice-file')
			.setInputFiles({ name: 'notice.png', mimeType: 'image/png', buffer: png });
		await expect(page).toHaveURL(`/certificates/${g.id}`);
		requests.expectOnlyOwnOrigin();
		expect(requests.urls.some((url) => url.endsWith('.wasm'))).toBe(true);
	});

	test('a PNG dropped on the drop zone opens the certificate', async ({ page }) => {
		const g = guarantees().scanned;
		await openVerify(page);
		await page.getByLabel('契約時', { exact: true }).check();
		const png = await QRCode.toBuffer(qrPayload(g.guaranteeNumber, g.authKey.replace(/-/g, '')));
		const dataTransfer = await page.evaluateHandle((base64) => {
			const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
			const transfer = new DataTransfer();
			transfer.items.add(new File([bytes], 'scan.png', { type: 'image/png' }));
			return transfer;
		}, png.toString('base64'));
		await page.locator('.drop').dispatchEvent('drop', { dataTransfer });
		await expect(page).toHaveURL(`/certificates/${g.id}`);
	});

	test('a file without a notice QR code says so', async ({ page }) => {
		await openVerify(page);
		const png = await QRCode.toBuffer('https://example.com/not-a-notice');
		await page
			.locator('#notice-file')
			.setInputFiles({ name: 'other.png', mimeType: 'image/png', buffer: png });
		await expect(page.getByText('QRコードや認証キーを見つけられませんでした')).toBeVisible();
		await expect(page).toHaveURL(/\/verify$/);
	});

	test('an uploaded notice PDF opens the certificate', async ({ page }) => {
		const g = guarantees().scanned;
		const requests = watchRequests(page);
		await openVerify(page);
		await page.getByLabel('前払金請求時', { exact: true }).check();
		const pdf = await PDFDocument.create();
		const a4 = pdf.addPage([595.28, 841.89]);
		const qr = await pdf.embedPng(
			await QRCode.toBuffer(qrPayload(g.guaranteeNumber, g.authKey.replace(/-/g, '')))
		);
		a4.drawImage(qr, { x: 400, y: 600, width: 140, height: 140 });
		const bytes = await pdf.save();
		await page.locator('#notice-file').setInputFiles({
			name: 'お知らせ.pdf',
			mimeType: 'application/pdf',
			buffer: Buffer.from(bytes)
		});
		await expect(page).toHaveURL(`/certificates/${g.id}`);
		requests.expectOnlyOwnOrigin();
		expect(requests.urls.some((url) => /pdf\.worker[^/]*\.mjs$/.test(url))).toBe(true);
		// Only the number and key went to the server: the file itself never did.
		const posted = requests.urls.filter((url) => url.includes('/verify'));
		expect(posted.length).toBeGreaterThan(0);
	});

	test('the JavaScript for /verify is small and the decoder loads only on demand', async ({
		page
	}) => {
		await signIn(page, demoUser('tanaka'));
		const scripts: { url: string; gzip: number }[] = [];
		page.on('response', async (response) => {
			if (response.request().resourceType() !== 'script') return;
			const body = await response.body();
			scripts.push({ url: response.url(), gzip: gzipSync(body).length });
		});
		await page.goto('/verify');
		await page.waitForLoadState('networkidle');
		const total = scripts.reduce((sum, s) => sum + s.gzip, 0);
		mkdirSync('tests/artifacts', { recursive: true });
		writeFileSync(
			'tests/artifacts/verify-js-size.txt',
			`${total} bytes gzip in ${scripts.length} scripts\n${scripts.map((s) => `${s.gzip}\t${s.url}`).join('\n')}\n`
		);
		console.log(`/verify JavaScript before the scanner opens: ${total} bytes gzip`);
		expect(scripts.some((s) => /zxing|barcode|pdf/i.test(s.url))).toBe(false);
		expect(total).toBeLessThan(120_000);
	});
});
