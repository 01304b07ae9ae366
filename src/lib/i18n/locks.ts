import type { LockKind } from '../lock-kinds';

export const ja = {
	title: '照合・ログインの停止',
	lead: (org: string) =>
		`${org} で、誤った認証キーやパスワードが続いたため、いま止まっている照合とログインです。本人に事情を確かめてから解除してください。解除は監査ログに記録されます。`,
	history: 'これまでの解除の記録（監査ログ）',
	none: 'いま止まっている照合・ログインはありません。',
	caption: '停止中の照合・ログイン',
	columns: {
		kind: '停止の範囲',
		subject: '対象',
		attempts: '試行回数',
		until: '自動で解除される日時',
		action: '操作'
	},
	kinds: {
		number: '保証契約番号の照合',
		user: '担当者の照合',
		organization: '団体全体の照合',
		device: 'ログイン（この端末から）',
		'account-address': 'ログイン（この接続元から）',
		account: 'ログイン（すべての接続元から）',
		consecutive: 'ログイン（連続した失敗）'
	} satisfies Record<LockKind, string>,
	wholeOrganization: (org: string) => `${org} のすべての担当者`,
	from: (address: string) => `接続元 ${address}`,
	attempts: (count: number, max: number) => `${count}回（上限 ${max}回）`,
	until: (at: string) => `${at} まで`,
	lift: '解除する',
	lifted: (kind: string, subject: string) => `${kind}の停止を解除しました（${subject}）。`,
	errors: {
		invalid: '解除する停止を一覧から選んでください。',
		foreign: 'この団体の停止ではないため、解除できません。',
		notLocked: 'この停止はすでに解除されたか、自動で解除される日時を過ぎています。',
		forbidden: '停止を解除できるのは管理者だけです。'
	}
};

export const en: typeof ja = {
	title: 'Paused checks and sign-ins',
	lead: (org) =>
		`Key checks and sign-ins of ${org} paused after repeated wrong keys or passwords. Ask the person what happened before you lift one. Every lift is recorded in the audit log.`,
	history: 'Lifts so far (audit log)',
	none: 'Nothing is paused now.',
	caption: 'Paused checks and sign-ins',
	columns: {
		kind: 'What is paused',
		subject: 'For',
		attempts: 'Attempts',
		until: 'Resumes by itself at',
		action: 'Action'
	},
	kinds: {
		number: 'Key checks of a guarantee number',
		user: "A clerk's key checks",
		organization: "The organisation's key checks",
		device: 'Sign-ins from this browser',
		'account-address': 'Sign-ins from this address',
		account: 'Sign-ins from any address',
		consecutive: 'Sign-ins (consecutive failures)'
	},
	wholeOrganization: (org) => `Everyone at ${org}`,
	from: (address) => `from ${address}`,
	attempts: (count, max) => `${count} (limit ${max})`,
	until: (at) => `until ${at}`,
	lift: 'Lift',
	lifted: (kind, subject) => `Lifted: ${kind} (${subject}).`,
	errors: {
		invalid: 'Choose a pause from the list to lift.',
		foreign: 'This pause is not one of your organisation’s: it cannot be lifted here.',
		notLocked: 'This pause was already lifted or has ended by itself.',
		forbidden: 'Only an administrator can lift a pause.'
	}
};
