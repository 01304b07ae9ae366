import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import QRCode from 'qrcode';
import { qrPayload } from '../src/lib/auth-key';
import { demoUser, ORIGIN, PORT, seed, signIn } from './support/fixtures';
import { CAMERA_GUARANTEE } from './support/known-keys';

/**
 * The fake camera plays a Y4M clip made here from the QR code of a guarantee whose key is known
 * before the server starts (ffmpeg is not needed: Y4M is a header and raw YUV 4:2:0 frames).
 */
function writeQrVideo(file: string, text: string) {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const [width, height, scale] = [640, 480, 8];
	const side = (modules.size + 8) * scale;
	const [left, top] = [(width - side) / 2, (height - side) / 2];
	const luma = Buffer.alloc(width * height, 235);
	for (let y = 0; y < side; y++) {
		for (let x = 0; x < side; x++) {
			const [row, col] = [Math.floor(y / scale) - 4, Math.floor(x / scale) - 4];
			const dark =
				row >= 0 && col >= 0 && row < modules.size && col < modules.size
					? modules.get(row, col)
					: 0;
			if (dark) luma[(top + y) * width + left + x] = 16;
		}
	}
	const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
	const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
	const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, Buffer.concat([header, ...Array(5).fill(frame)]));
}

const cameraClip = path.resolve(`tests/.tmp/camera-${PORT}.y4m`);
if (!existsSync(cameraClip)) {
	writeQrVideo(
		cameraClip,
		qrPayload(CAMERA_GUARANTEE.guaranteeNumber, CAMERA_GUARANTEE.canonicalKey)
	);
}

const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
test.use({
	permissions: ['camera'],
	launchOptions: {
		executablePath: existsSync(systemChromium) ? systemChromium : undefined,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-dev-shm-usage',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			'--use-fake-ui-for-media-stream',
			'--use-fake-device-for-media-stream',
			`--use-file-for-fake-video-capture=${cameraClip}`
		]
	}
});

test.describe('camera', () => {
	test('the camera reads the QR code and opens the certificate', async ({ page }) => {
		const g = seed().guarantees.camera;
		const urls: string[] = [];
		page.on('request', (request) => urls.push(request.url()));
		await signIn(page, demoUser('tanaka'));
		await page.goto('/verify');
		await page.getByLabel('契約時', { exact: true }).check();
		await page.getByRole('button', { name: 'カメラでQRコードを読み取る' }).click();
		await expect(page).toHaveURL(`/certificates/${g.id}`, { timeout: 20_000 });
		expect(urls.filter((url) => !/^(data|blob):/.test(url) && !url.startsWith(ORIGIN))).toEqual([]);
		expect(urls.some((url) => url.endsWith('.wasm'))).toBe(true);
	});
});
