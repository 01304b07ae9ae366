import { LRUCache } from 'lru-cache';
import QRCode from 'qrcode';

/**
 * The QR code on a certificate's printed record: the page's own URL (never the key), as an SVG
 * data URL. The same certificate is opened again and again (contract, advance, audits), and
 * drawing the code was a few percent of the certificate page's CPU, so codes are kept.
 */
const drawn = new LRUCache<string, string>({ max: 2000 });

export async function pageQr(pageUrl: string): Promise<string> {
	const kept = drawn.get(pageUrl);
	if (kept) return kept;
	const svg = await QRCode.toString(pageUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
	const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
	drawn.set(pageUrl, dataUrl);
	return dataUrl;
}
