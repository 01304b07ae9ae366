import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';

/** The page as Chromium prints it: the text of each printed page, in reading order. */
export async function printedPages(page: Page): Promise<string[]> {
	await page.emulateMedia({ media: 'print' });
	const dir = mkdtempSync(path.join(os.tmpdir(), 'kensho-print-'));
	const pdf = path.join(dir, 'record.pdf');
	writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
	await page.emulateMedia({ media: 'screen' });
	const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
	return text.split('\f').filter((p) => p.trim());
}
