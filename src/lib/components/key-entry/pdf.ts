import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { GUARANTEE_NUMBER } from '$lib/guarantee';
import { readQr } from './qr';

/** pdf.js and its worker, both served by this app, loaded only when a PDF is dropped. */
GlobalWorkerOptions.workerSrc = workerUrl;

const MAX_PAGES = 5;
const KEY = /[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}/;
const NUMBER = new RegExp(`保証契約番号[\\s:：]*(${GUARANTEE_NUMBER})`);

/**
 * Finds `KENSHO:1:…` in the notice: first in the QR code of each page (rendered at twice the
 * size, which zxing reads reliably), failing that in the page text (the number after its label
 * and a key-shaped string). Returns the QR texts or a payload built from the text.
 */
export async function readPdf(bytes: ArrayBuffer): Promise<string[]> {
	const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
	try {
		const texts: string[] = [];
		for (let n = 1; n <= Math.min(pdf.numPages, MAX_PAGES); n++) {
			const page = await pdf.getPage(n);
			const viewport = page.getViewport({ scale: 2 });
			const canvas = document.createElement('canvas');
			canvas.width = Math.ceil(viewport.width);
			canvas.height = Math.ceil(viewport.height);
			await page.render({ canvas, viewport }).promise;
			const found = await readQr(canvas);
			if (found.length) return found;
			const content = await page.getTextContent();
			texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
		}
		const text = texts.join('\n').normalize('NFKC');
		const number = NUMBER.exec(text)?.[1];
		const key = KEY.exec(text.replace(number ?? '\u0000', ''))?.[0];
		return number && key ? [`KENSHO:1:${number}:${key}`] : [];
	} finally {
		await pdf.destroy();
	}
}
