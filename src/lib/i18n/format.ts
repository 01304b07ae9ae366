import type { Locale } from './index';

/**
 * Building an Intl.DateTimeFormat is expensive (it showed as a tenth of the certificate page's
 * CPU), so each formatter is made once and reused.
 */
const wareki = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
	era: 'long',
	year: 'numeric',
	month: 'long',
	day: 'numeric',
	timeZone: 'UTC'
});
const moments: Record<Locale, Intl.DateTimeFormat> = {
	// 和暦 here too (令和8年7月6日 10:02): a record that dates its works in 令和 and its check
	// in 西暦 reads as two documents.
	ja: new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
		dateStyle: 'long',
		timeStyle: 'short',
		timeZone: 'Asia/Tokyo'
	}),
	en: new Intl.DateTimeFormat('en-GB', {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'Asia/Tokyo'
	})
};
const yen = new Intl.NumberFormat('ja-JP');

/**
 * Formatting itself is slow too (a few microseconds a call, and a certificate page shows up to
 * 50 past views): results are kept by their input, at most `MEMO_SIZE` of each kind, since a
 * page shows the same dates again and again.
 */
const MEMO_SIZE = 5000;
function memo(format: (key: string) => string): (key: string) => string {
	const kept = new Map<string, string>();
	return (key) => {
		let text = kept.get(key);
		if (text === undefined) {
			if (kept.size >= MEMO_SIZE) kept.clear();
			kept.set(key, (text = format(key)));
		}
		return text;
	};
}
const warekiOf = memo((isoDate) => wareki.format(new Date(`${isoDate}T00:00:00Z`)));
// Keyed by the minute (the finest unit shown).
const momentOf = memo((key) => {
	const [locale, minute] = key.split(' ');
	return moments[locale as Locale].format(new Date(Number(minute) * 60_000));
});

/**
 * 和暦 with the Gregorian date beside it (令和8年7月4日（2026-07-04）): clerks file by 和暦,
 * integrators think in ISO dates. Dates are calendar dates, formatted in UTC so no time zone
 * shifts them by a day.
 */
export function formatDate(isoDate: string | null | undefined, locale: Locale): string {
	if (!isoDate) return '—';
	const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
	if (Number.isNaN(date.getTime())) return isoDate;
	if (locale === 'en') return isoDate.slice(0, 10);
	return `${warekiOf(isoDate.slice(0, 10))}（${isoDate.slice(0, 10)}）`;
}

/** A moment, shown in Japan time: 令和8年7月6日 10:02 (6 Jul 2026, 10:02 in English). */
export function formatDateTime(value: Date | string | null | undefined, locale: Locale): string {
	if (!value) return '—';
	const time = new Date(value).getTime();
	// Not a date: Intl throws its RangeError, as it always did (not kept).
	if (Number.isNaN(time)) return moments[locale].format(time);
	return momentOf(`${locale} ${Math.floor(time / 60_000)}`);
}

/** Integer yen: ¥38,500,000. */
export function formatYen(amount: number | null | undefined): string {
	if (amount === null || amount === undefined) return '—';
	return `¥${yen.format(amount)}`;
}

/** 2026 → 令和8年度 (the fiscal year that starts on 1 April 2026). */
export function fiscalYearLabel(year: number): string {
	if (year >= 2019) return `令和${year === 2019 ? '元' : year - 2018}年度`;
	if (year >= 1989) return `平成${year === 1989 ? '元' : year - 1988}年度`;
	return `${year}年度`;
}
