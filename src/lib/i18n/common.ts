export const ja = {
	appName: 'Kensho 検証',
	appTagline: '電子保証 照合ポータル',
	skipToContent: '本文へ移動',
	nav: {
		label: 'メインメニュー',
		home: 'ホーム',
		verify: '電子証書の照合',
		contracts: '案件',
		audit: '監査ログ',
		admin: 'ユーザー管理',
		rules: '点検基準',
		locks: '停止の解除',
		account: 'パスワード変更'
	},
	signedInAs: (org: string, user: string) => `${org}　${user}`,
	/** A remark in parentheses, with the language's own parentheses. */
	paren: (text: string) => `（${text}）`,
	/** Items of a list, and the parts of a line, with the language's own punctuation. */
	list: (items: string[]) => items.join('、'),
	separator: ' ／ ',
	signOut: 'ログアウト',
	language: '言語',
	switchTo: 'English',
	roles: { clerk: '担当者', admin: '管理者', auditor: '監査' },
	home: {
		title: 'ホーム',
		welcome: (name: string) => `${name} さん、ようこそ。`,
		verifyLead:
			'受注者から提出された「認証キーのお知らせ」の保証契約番号と認証キーで、電子証書を照合します。',
		verifyAction: '電子証書を照合する'
	},
	errors: {
		title: 'エラー',
		notFound: 'ページが見つかりません。',
		forbidden: 'このページを表示する権限がありません。',
		unavailable: '現在確認できません。しばらくしてから再度お試しください。',
		unexpected: '予期しないエラーが発生しました。',
		badRequest: 'この送信は受け付けられません。画面から入力し直してください。',
		malformedForm: '送信されたフォームを読み取れませんでした。画面から入力し直してください。',
		crossSite: '他のサイトからの送信は受け付けられません。',
		requestId: (id: string) => `問い合わせ番号: ${id}`,
		backHome: 'ホームへ戻る',
		retry: '再試行'
	},
	required: '必須',
	/** 決裁欄 of a printed record: a box per approver, as town records have them. */
	approval: { title: '決裁', roles: ['課長', '課長補佐', '係長', '担当'] }
};

export const en: typeof ja = {
	appName: 'Kensho',
	appTagline: 'Electronic surety certificate verification',
	skipToContent: 'Skip to content',
	nav: {
		label: 'Main menu',
		home: 'Home',
		verify: 'Verify a certificate',
		contracts: 'Contracts',
		audit: 'Audit log',
		admin: 'Users',
		rules: 'Check rules',
		locks: 'Paused checks',
		account: 'Change password'
	},
	signedInAs: (org, user) => `${org} — ${user}`,
	paren: (text) => ` (${text})`,
	list: (items) => items.join(', '),
	separator: ' / ',
	signOut: 'Sign out',
	language: 'Language',
	switchTo: '日本語',
	roles: { clerk: 'Clerk', admin: 'Administrator', auditor: 'Auditor' },
	home: {
		title: 'Home',
		welcome: (name) => `Welcome, ${name}.`,
		verifyLead:
			"Verify an electronic certificate with the guarantee number and auth key from the contractor's notice.",
		verifyAction: 'Verify a certificate'
	},
	errors: {
		title: 'Error',
		notFound: 'Page not found.',
		forbidden: 'You are not allowed to see this page.',
		unavailable: 'Cannot verify right now. Please try again in a moment.',
		unexpected: 'An unexpected error occurred.',
		badRequest: 'This request cannot be accepted. Please fill in the form again.',
		malformedForm: 'The submitted form could not be read. Please fill it in again.',
		crossSite: 'Submissions from another site are not accepted.',
		requestId: (id) => `Reference: ${id}`,
		backHome: 'Back to home',
		retry: 'Retry'
	},
	required: 'required',
	approval: { title: 'Approval', roles: ['Section head', 'Deputy head', 'Chief', 'Clerk'] }
};
