import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { CompactSign, importJWK, type JWK } from 'jose';
import type { APIRequestContext } from '@playwright/test';
import * as examples from '../../src/lib/server/issuing/openapi/examples';
import { seed } from './fixtures';

/** Helpers for the issuer API tests: valid bodies, signing, and reading a notice's QR code. */
let counter = 0;
export function uniqueNumber(prefix = 'T') {
	return `${prefix}${Date.now().toString(36).toUpperCase()}-${process.pid}-${counter++}`;
}

/** The registration example of the OpenAPI document, with a number of its own. */
export function certificate(overrides: Record<string, unknown> = {}) {
	return {
		...structuredClone(examples.certificate),
		guaranteeNumber: uniqueNumber(),
		...overrides
	};
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export function post(
	request: APIRequestContext,
	url: string,
	token: string,
	data?: unknown,
	headers: Record<string, string> = {}
) {
	return request.post(url, {
		headers: { ...bearer(token), 'content-type': 'application/json', ...headers },
		data:
			data === undefined
				? undefined
				: Buffer.from(typeof data === 'string' ? data : JSON.stringify(data)),
		maxRedirects: 0
	});
}

export async function sign(payload: unknown, kid: string, jwk: JWK = seed().issuers.privateJwk) {
	const key = await importJWK(jwk, 'EdDSA');
	return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
		.setProtectedHeader({ alg: 'EdDSA', kid })
		.sign(key);
}

/** pdftoppm (poppler-utils) rasterises the first page; zxing-wasm reads the QR code. */
export async function readQrFromPdf(pdf: Buffer): Promise<string[]> {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'kensho-notice-'));
	writeFileSync(path.join(dir, 'n.pdf'), pdf);
	execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', 'n.pdf', 'page'], { cwd: dir });
	const require = createRequire(import.meta.url);
	const { prepareZXingModule, readBarcodes } = await import('zxing-wasm/reader');
	const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
	prepareZXingModule({ overrides: { wasmBinary: wasm.buffer as ArrayBuffer } });
	const png = readFileSync(path.join(dir, 'page.png'));
	const results = await readBarcodes(new Uint8Array(png), { formats: ['QRCode'] });
	return results.map((r) => r.text);
}
