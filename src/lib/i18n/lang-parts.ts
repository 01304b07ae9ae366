import type { Locale } from './index';

/** A stretch of a message: the reader's language, or Japanese inside an English sentence. */
export interface LangPart {
	text: string;
	ja: boolean;
}

/**
 * Japanese script: kanji, hiragana, katakana (half-width too), the long-vowel mark, CJK
 * punctuation (、。「」〒 …) and full-width forms (（）０-９ Ａ-Ｚ ￥). Nothing else in this portal
 * is written in Han script, so a run of it in an English sentence is a Japanese name or value.
 */
const JA =
	'\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303f\\u30fc\\uff01-\\uff60\\uffe0-\\uffe6';
/** What stays inside a Japanese run when Japanese stands on both sides: 令和7年度 白子町, 第1-2号. */
const JOINING = '\\d\\s\\-.,・()';
const JAPANESE_RUN = new RegExp(`[${JA}](?:[${JA}${JOINING}]*[${JA}])?`, 'gu');

/**
 * An English message split where Japanese values (an organisation's, an issuer's or a works'
 * name, a number typed in Japanese, a clerk's note) stand in it, so that a screen can mark them
 * `lang="ja"` (WCAG 3.1.2 Language of Parts) and a screen reader speaks them in Japanese.
 * A Japanese screen is one part: its page is `lang="ja"` already.
 */
export function langParts(text: string, locale: Locale): LangPart[] {
	if (locale === 'ja') return text ? [{ text, ja: false }] : [];
	const parts: LangPart[] = [];
	let from = 0;
	for (const match of text.matchAll(JAPANESE_RUN)) {
		if (match.index > from) parts.push({ text: text.slice(from, match.index), ja: false });
		parts.push({ text: match[0], ja: true });
		from = match.index + match[0].length;
	}
	if (from < text.length) parts.push({ text: text.slice(from), ja: false });
	return parts;
}
