import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const [, , file, y, w, h, out] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
const data = readFileSync(file).toString('base64');
await page.setContent(`<body style="margin:0"><img src="data:image/png;base64,${data}" style="position:absolute;left:0;top:-${y}px"></body>`);
await page.screenshot({ path: out });
await browser.close();
