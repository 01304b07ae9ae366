export const ja = {
	title: 'ユーザー管理',
	lead: (org: string) => `${org} のユーザーを管理します。`,
	locksLink: '誤った認証キーやパスワードで止まっている照合・ログインを確認・解除する',
	table: {
		caption: 'ユーザー一覧',
		username: 'ユーザーID',
		displayName: '氏名',
		role: '権限',
		status: '状態',
		lastSignIn: '最終ログイン',
		createdAt: '登録日',
		actions: '操作'
	},
	active: '有効',
	disabled: '無効',
	disabledSince: (at: string) => `${at} から`,
	never: 'ログインなし',
	you: 'あなた',
	ownAccount: 'パスワード変更へ',
	confirm: {
		heading: (username: string) => `ユーザー「${username}」を無効にしますか`,
		body: 'このユーザーはログインできなくなり、ログイン中のセッションもすぐに終了します。記録（監査ログ）は残ります。あとで「有効にする」で元に戻せます。',
		yes: '無効にする',
		no: 'やめる'
	},
	mustChange: '初期パスワード',
	disable: '無効にする',
	enable: '有効にする',
	resetPassword: 'パスワード再発行',
	add: {
		title: 'ユーザーを追加',
		username: 'ユーザーID',
		usernameHint: '半角英小文字・数字・「.」「_」「-」、2〜32文字',
		displayName: '氏名',
		role: '権限',
		submit: '追加する'
	},
	created: (username: string) => `ユーザー「${username}」を追加しました。`,
	initialPassword: '初期パスワード（この画面でのみ表示されます。本人に安全な方法で伝えてください）',
	reset: (username: string) => `ユーザー「${username}」のパスワードを再発行しました。`,
	disabledDone: (username: string) =>
		`ユーザー「${username}」を無効にしました。ログイン中のセッションも終了しました。`,
	enabledDone: (username: string) => `ユーザー「${username}」を有効にしました。`,
	errors: {
		invalidUsername: 'ユーザーIDは半角英小文字・数字・「.」「_」「-」で2〜32文字にしてください。',
		duplicate: 'このユーザーIDは既に使われています。',
		invalidRole: '権限を選んでください。',
		self: '自分自身を無効にすることはできません。',
		notFound: 'ユーザーが見つかりません。'
	}
};

export const en: typeof ja = {
	title: 'Users',
	lead: (org) => `Manage the users of ${org}.`,
	locksLink: 'See and lift key checks and sign-ins paused after wrong keys or passwords',
	table: {
		caption: 'Users',
		username: 'User ID',
		displayName: 'Name',
		role: 'Role',
		status: 'Status',
		lastSignIn: 'Last sign-in',
		createdAt: 'Added',
		actions: 'Actions'
	},
	active: 'Active',
	disabled: 'Disabled',
	disabledSince: (at) => `since ${at}`,
	never: 'Never signed in',
	you: 'You',
	ownAccount: 'Change your password',
	confirm: {
		heading: (username) => `Disable the user "${username}"?`,
		body: 'They will no longer be able to sign in, and their current sessions end at once. Their records (audit log) stay. You can undo this with "Enable".',
		yes: 'Disable',
		no: 'Cancel'
	},
	mustChange: 'Initial password',
	disable: 'Disable',
	enable: 'Enable',
	resetPassword: 'Reset password',
	add: {
		title: 'Add a user',
		username: 'User ID',
		usernameHint: 'Lower-case letters, digits, ".", "_", "-"; 2–32 characters',
		displayName: 'Name',
		role: 'Role',
		submit: 'Add'
	},
	created: (username) => `User "${username}" added.`,
	initialPassword: 'Initial password (shown only here; pass it on securely)',
	reset: (username) => `A new password was issued for "${username}".`,
	disabledDone: (username) => `User "${username}" disabled; their sessions have ended.`,
	enabledDone: (username) => `User "${username}" enabled.`,
	errors: {
		invalidUsername: 'Use 2–32 lower-case letters, digits, ".", "_" or "-".',
		duplicate: 'This user ID is already taken.',
		invalidRole: 'Choose a role.',
		self: 'You cannot disable yourself.',
		notFound: 'User not found.'
	}
};
