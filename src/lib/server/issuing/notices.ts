import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import subsetFont from 'subset-font';
import { formatAuthKey, qrPayload } from '../../auth-key';
import { and, eq } from 'drizzle-orm';
import { db } from '../db';
import { certificateVersion, type Guarantee } from '../db/schema';
import * as audit from '../audit/append';
import * as authKeys from './auth-keys';
import * as guarantees from './guarantees';
import { recordedAs, type IssuerCaller } from '../identity/caller';
import { contactLine, noticeRows, verifyLines, type NoticeFacts } from './notice-rows';

/**
 * 電子保証にかかる「認証キー」のお知らせ: an A4 PDF with the number, the key, a summary of the
 * guarantee and a QR code of `KENSHO:1:<number>:<key>`, in Japanese with an embedded Noto Sans JP
 * cut down by HarfBuzz to the characters used (pdf-lib's own subsetter drops CJK glyphs), so it
 * prints the same on any PC and stays ~30 KB; the text stays selectable and searchable.
 */
const FONT = '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf';
let fontBytes: Buffer | undefined;

function font(): Buffer {
	fontBytes ??= readFileSync(
		process.env.NOTICE_FONT ?? createRequire(import.meta.url).resolve(FONT)
	);
	return fontBytes;
}

export interface NoticeData extends NoticeFacts {
	issuerName: string;
	guarantee: Pick<Guarantee, 'guaranteeNumber' | 'kind'>;
	ordererCode: string;
	/** The canonical 20 symbols. */
	key: string;
	/** The portal's verification page, printed for the orderer's clerk. */
	portalUrl: string;
}

/** Splits `value` into lines of at most `ems` (a CJK character is one em, Latin about half). */
function wrap(value: string, ems: number): string[] {
	const lines = [''];
	let width = 0;
	for (const char of value) {
		const w = char.charCodeAt(0) < 0x2000 ? 0.55 : 1;
		if (width + w > ems) {
			lines.push('');
			width = 0;
		}
		lines[lines.length - 1] += char;
		width += w;
	}
	return lines;
}

export async function render(data: NoticeData): Promise<Uint8Array> {
	const { guarantee: g, latest: v } = data;
	const pdf = await PDFDocument.create();
	pdf.registerFontkit(fontkit);
	pdf.setTitle(`認証キーのお知らせ ${g.guaranteeNumber}`);
	pdf.setCreator('Kensho');
	const page = pdf.addPage([595.28, 841.89]);
	// Drawn in reading order once the Japanese font is cut (below), so that a PDF reader's text
	// — a search, or /verify reading a notice without its QR code — finds each number after its label.
	const lines: { s: string; x: number; y: number; size: number; mono?: boolean }[] = [];
	const text = (s: string, x: number, y: number, size = 10.5) => lines.push({ s, x, y, size });

	text('電子保証にかかる「認証キー」のお知らせ', 56, 780, 18);
	text(`${v.ordererName} 様（団体コード ${data.ordererCode}）`, 56, 748, 11);
	text(`発行: ${data.issuerName}`, 56, 730, 10);
	text('下記の保証契約番号と認証キーにより、電子証書の内容を確認いただけます。', 56, 706, 10);

	// The number and key on the left of the box, the QR code on its right.
	box(page, 56, 556, 483, 136);
	text('保証契約番号', 72, 666, 10);
	const code = (s: string, y: number) => lines.push({ s, x: 72, y, size: 18, mono: true });
	code(g.guaranteeNumber, 642);
	text('認証キー', 72, 612, 10);
	code(formatAuthKey(data.key), 590);
	text('QRコード（読み取り用）→', 72, 566, 8);

	const payload = qrPayload(g.guaranteeNumber, data.key);
	const png = await QRCode.toBuffer(payload, { errorCorrectionLevel: 'M', margin: 4, scale: 8 });
	const qr = await pdf.embedPng(png);
	page.drawImage(qr, { x: 409, y: 560, width: 128, height: 128 });

	let y = 530;
	for (const [label, value] of noticeRows(data)) {
		text(label, 56, y, 9.5);
		for (const line of wrap(value, 38)) {
			text(line, 170, y, 9.5);
			y -= 14;
		}
		y -= 4;
	}
	const notes = [
		'・この認証キーは発注者の担当者が電子証書を閲覧するためのものです。第三者に知らせないでください。',
		'・契約保証と前払金保証では認証キーが異なります。',
		'・認証キーを再発行した場合、以前の認証キーは使えなくなります。'
	];
	y = Math.min(y - 10, 150);
	for (const note of [...notes, ...verifyLines(data.portalUrl), contactLine(data.issuerName, v)]) {
		for (const line of wrap(note, 56)) {
			text(line, 56, y, 8.5);
			y -= 13;
		}
	}
	const used = [
		...new Set(
			lines
				.filter((l) => !l.mono)
				.map((l) => l.s)
				.join('')
		)
	].join('');
	const subset = await subsetFont(font(), used, { targetFormat: 'truetype' });
	const jp: PDFFont = await pdf.embedFont(subset, { subset: false });
	const mono = await pdf.embedFont(StandardFonts.CourierBold);
	for (const { s, x, y, size, mono: isCode } of lines) {
		const color = isCode ? rgb(0, 0, 0) : rgb(0.1, 0.1, 0.1);
		page.drawText(s, { x, y, size, font: isCode ? mono : jp, color });
	}
	return pdf.save();
}

function box(page: PDFPage, x: number, y: number, width: number, height: number) {
	page.drawRectangle({ x, y, width, height, borderColor: rgb(0.2, 0.2, 0.2), borderWidth: 1 });
}

/** For the issuer API: the PDF only when `authKey` is the guarantee's current key. */
export async function forKey(
	issuer: { id: string; name: string },
	guaranteeNumber: string,
	authKey: string,
	portalUrl = defaultPortalUrl()
) {
	const found = await guarantees.withKey(issuer.id, guaranteeNumber, authKey);
	if (found.error !== undefined) return { error: found.error, reason: found.reason };
	const [first] = await db
		.select({ issuedOn: certificateVersion.issuedOn })
		.from(certificateVersion)
		.where(
			and(eq(certificateVersion.guaranteeId, found.guarantee.id), eq(certificateVersion.version, 1))
		);
	const firstIssuedOn = first?.issuedOn ?? found.latest.issuedOn;
	const pdf = await render({ issuerName: issuer.name, ...found, firstIssuedOn, portalUrl });
	return { error: undefined, pdf, guarantee: found.guarantee, key: found.key };
}

/**
 * POST /api/v1/notices: the お知らせ for the issuer that presents the guarantee's current key,
 * recorded as `notice.render` in the issuer's trail (the key masked).
 */
export async function renderFor(
	caller: IssuerCaller,
	issuer: { id: string; name: string },
	guaranteeNumber: string,
	authKey: string,
	portalUrl: string
) {
	const made = await forKey(issuer, guaranteeNumber, authKey, portalUrl);
	if (made.error !== undefined) return made;
	await audit.record({
		action: 'notice.render',
		outcome: 'success',
		...recordedAs(caller),
		issuerId: issuer.id,
		guaranteeId: made.guarantee.id,
		guaranteeNumber: made.guarantee.guaranteeNumber,
		detail: { authKey: authKeys.mask(made.key) }
	});
	return made;
}

/** The portal's verification page outside a request (the demo's notices): ORIGIN, else local. */
function defaultPortalUrl() {
	const origin =
		process.env.ORIGIN ?? `http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? 3000}`;
	return `${origin.replace(/\/$/, '')}/verify`;
}

/** `demo` writes one notice per demo key into DATA_DIR/notices/, to print or to scan. */
export async function writeDemoNotices(
	keys: { issuerId: string; issuerName: string; guaranteeNumber: string; authKey: string }[]
): Promise<string[]> {
	const dataDir = process.env.DATA_DIR ?? './data';
	if (dataDir === ':memory:') return [];
	const dir = path.join(dataDir, 'notices');
	mkdirSync(dir, { recursive: true });
	const files: string[] = [];
	for (const k of keys) {
		const made = await forKey({ id: k.issuerId, name: k.issuerName }, k.guaranteeNumber, k.authKey);
		if (made.error !== undefined) continue;
		const file = path.join(dir, `${k.guaranteeNumber}.pdf`);
		writeFileSync(file, made.pdf);
		files.push(file);
	}
	return files;
}
