import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import subsetFont from 'subset-font';
import { formatAuthKey, qrPayload } from '../../auth-key';
import type { CertificateVersion, Guarantee } from '../db/schema';
import * as audit from '../audit/append';
import * as authKeys from './auth-keys';
import * as guarantees from './guarantees';

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

const KIND_LABEL = {
	contract: '契約保証',
	advance_payment: '前払金保証',
	intermediate_advance_payment: '中間前払金保証'
} as const;

const yen = (n: number) => `${n.toLocaleString('ja-JP')} 円`;

export interface NoticeData {
	issuerName: string;
	guarantee: Pick<Guarantee, 'guaranteeNumber' | 'kind'>;
	ordererCode: string;
	latest: CertificateVersion;
	/** The canonical 20 symbols. */
	key: string;
}

export async function render(data: NoticeData): Promise<Uint8Array> {
	const { guarantee: g, latest: v } = data;
	const pdf = await PDFDocument.create();
	pdf.registerFontkit(fontkit);
	pdf.setTitle(`認証キーのお知らせ ${g.guaranteeNumber}`);
	pdf.setCreator('Kensho');
	const page = pdf.addPage([595.28, 841.89]);
	const lines: { s: string; x: number; y: number; size: number }[] = [];
	const text = (s: string, x: number, y: number, size = 10.5) => lines.push({ s, x, y, size });

	text('電子保証にかかる「認証キー」のお知らせ', 56, 780, 18);
	text(`${v.ordererName} 様（団体コード ${data.ordererCode}）`, 56, 748, 11);
	text(`発行: ${data.issuerName}`, 56, 730, 10);
	text('下記の保証契約番号と認証キーにより、電子証書の内容を確認いただけます。', 56, 706, 10);

	box(page, 56, 590, 483, 100);
	text('保証契約番号', 72, 664, 10);
	const mono = await pdf.embedFont(StandardFonts.CourierBold);
	const code = (s: string, y: number) =>
		page.drawText(s, { x: 72, y, size: 20, font: mono, color: rgb(0, 0, 0) });
	code(g.guaranteeNumber, 640);
	text('認証キー', 72, 618, 10);
	code(formatAuthKey(data.key), 596);

	const payload = qrPayload(g.guaranteeNumber, data.key);
	const png = await QRCode.toBuffer(payload, { errorCorrectionLevel: 'M', margin: 4, scale: 8 });
	const qr = await pdf.embedPng(png);
	page.drawImage(qr, { x: 403, y: 452, width: 130, height: 130 });
	text('QRコード（読み取り用）', 410, 440, 8);

	const rows: [string, string][] = [
		['保証の種類', KIND_LABEL[g.kind]],
		['工事名', v.worksName],
		['工事場所', v.worksLocation],
		['保証契約者', `${v.contractorName}　${v.contractorRepresentative}`],
		['請負代金額', yen(v.contractAmount)],
		['保証金額', yen(v.guaranteeAmount)],
		...(v.advancePaymentAmount !== null
			? [['前払金額', yen(v.advancePaymentAmount)] as [string, string]]
			: []),
		['保証期間', `${v.guaranteeStartOn} 〜 ${v.guaranteeEndOn}`],
		['工期', `${v.worksStartOn} 〜 ${v.worksEndOn}`],
		[
			'証書',
			v.version === 1
				? `第1版（発行日 ${v.issuedOn}）`
				: `第${v.version}版（${v.amendmentReason} ${v.issuedOn}）`
		]
	];
	let y = 560;
	for (const [label, value] of rows) {
		text(label, 56, y, 10);
		text(value.length > 34 ? value.slice(0, 33) + '…' : value, 140, y, 10);
		y -= 22;
	}
	const notes = [
		'・この認証キーは発注者の担当者が電子証書を閲覧するためのものです。第三者に知らせないでください。',
		'・契約保証と前払金保証では認証キーが異なります。',
		'・認証キーを再発行した場合、以前の認証キーは使えなくなります。'
	];
	y = 200;
	for (const note of notes) {
		text(note, 56, y, 9);
		y -= 16;
	}
	const used = [...new Set(lines.map((line) => line.s).join(''))].join('');
	const subset = await subsetFont(font(), used, { targetFormat: 'truetype' });
	const jp: PDFFont = await pdf.embedFont(subset, { subset: false });
	for (const { s, x, y, size } of lines) {
		page.drawText(s, { x, y, size, font: jp, color: rgb(0.1, 0.1, 0.1) });
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
	authKey: string
) {
	const found = await guarantees.withKey(issuer.id, guaranteeNumber, authKey);
	if (found.error !== undefined) return { error: found.error, reason: found.reason };
	const pdf = await render({ issuerName: issuer.name, ...found });
	return { error: undefined, pdf, guarantee: found.guarantee, key: found.key };
}

/**
 * POST /api/v1/notices: the お知らせ for the issuer that presents the guarantee's current key,
 * recorded as `notice.render` in the issuer's trail (the key masked).
 */
export async function renderFor(
	caller: guarantees.Caller,
	issuer: { id: string; name: string },
	guaranteeNumber: string,
	authKey: string
) {
	const made = await forKey(issuer, guaranteeNumber, authKey);
	if (made.error !== undefined) return made;
	await audit.record({
		action: 'notice.render',
		outcome: 'success',
		actor: caller.actor,
		context: caller.context,
		issuerId: issuer.id,
		guaranteeId: made.guarantee.id,
		guaranteeNumber: made.guarantee.guaranteeNumber,
		detail: { authKey: authKeys.mask(made.key) }
	});
	return made;
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
