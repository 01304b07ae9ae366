import { getContext, setContext } from 'svelte';
import * as common from './common';
import * as account from './account';
import * as admin from './admin';
import * as audit from './audit';
import * as contracts from './contracts';
import * as locks from './locks';
import * as verify from './verify';
import * as certificate from './certificate';
import { say, type Reason } from '../check-reasons';
import { ja as jaReasons } from './check-reasons-ja';
import { en as enReasons } from './check-reasons-en';

/**
 * UI strings. Each area keeps its Japanese and English text side by side in its own file,
 * and the English object must have exactly the Japanese one's shape (checked by the compiler),
 * so a missing translation is a type error, not a blank on screen.
 */
export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ja';

const catalog = {
	ja: {
		common: common.ja,
		account: account.ja,
		admin: admin.ja,
		audit: audit.ja,
		verify: verify.ja,
		certificate: certificate.ja,
		contracts: contracts.ja,
		locks: locks.ja,
		/** A contract check's reason (a code and its facts) as a sentence. */
		checkReason: (r: Reason) => say(jaReasons, r)
	},
	en: {
		common: common.en,
		account: account.en,
		admin: admin.en,
		audit: audit.en,
		verify: verify.en,
		certificate: certificate.en,
		contracts: contracts.en,
		locks: locks.en,
		checkReason: (r: Reason) => say(enReasons, r)
	}
};

export type Messages = (typeof catalog)['ja'];

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function messages(locale: Locale): Messages {
	return catalog[locale];
}

const KEY = Symbol('i18n');

/** Called once by the root layout; components read the messages with `useMessages()`. */
export function provideMessages(getLocale: () => Locale): void {
	setContext(KEY, getLocale);
}

/** The reader's language, for a component that words or marks text itself. */
export function useLocale(): () => Locale {
	const getLocale = getContext<() => Locale>(KEY);
	return () => getLocale?.() ?? DEFAULT_LOCALE;
}

export function useMessages(): () => Messages {
	const getLocale = getContext<() => Locale>(KEY);
	return () => messages(getLocale?.() ?? DEFAULT_LOCALE);
}
