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
	ja: new Intl.DateTimeFormat('ja-JP', {
		dateStyle: 'medium',
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
 * 和暦 with the Gregorian date beside it (令和8年7月4日（2026-07-04）): clerks file by 和暦,
 * integrators think in ISO dates. Dates are calendar dates, formatted in UTC so no time zone
 * shifts them by a day.
 */
export function formatDate(isoDate: string | null | undefined, locale: Locale): string {
	if (!isoDate) return '—';
	const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
	if (Number.isNaN(date.getTime())) return isoDate;
	if (locale === 'en') return isoDate.slice(0, 10);
	return `${wareki.format(date)}（${isoDate.slice(0, 10)}）`;
}

/** A moment, shown in Japan time: 2026/07/06 10:02. */
export function formatDateTime(value: Date | string | null | undefined, locale: Locale): string {
	if (!value) return '—';
	return moments[locale].format(new Date(value));
}

/** Integer yen: ¥38,500,000. */
export function formatYen(amount: number | null | undefined): string {
	if (amount === null || amount === undefined) return '—';
	return `¥${yen.format(amount)}`;
}
