export const ja = {
	login: {
		title: 'ログイン',
		lead: '団体コード、ユーザーID、パスワードを入力してください。',
		organizationCode: '団体コード（6桁）',
		organizationCodeHint: '全国地方公共団体コード。例: 124249',
		username: 'ユーザーID',
		password: 'パスワード',
		submit: 'ログイン',
		invalid: '団体コード、ユーザーID、またはパスワードが正しくありません。',
		throttled: (minutes: number) =>
			`ログインの試行回数が上限に達しました。${minutes}分後に再度お試しください。`,
		signedOut: 'ログアウトしました。'
	},
	password: {
		title: 'パスワード変更',
		mustChange: '初期パスワードのままです。新しいパスワードを設定してください。',
		current: '現在のパスワード',
		next: '新しいパスワード',
		nextHint:
			'8文字以上（128文字まで）。文字の種類は問いません。よく使われるパスワードや流出したパスワードは使えません。長い文やフレーズも使えます。',
		confirm: '新しいパスワード（確認）',
		submit: '変更する',
		changed: 'パスワードを変更しました。',
		wrongCurrent: '現在のパスワードが正しくありません。',
		tooShort: 'パスワードは8文字以上にしてください。',
		tooLong: 'パスワードは128文字以内にしてください。',
		common:
			'このパスワードは、よく使われているか過去に流出したパスワードの一覧に含まれているため使えません。推測されにくい語句を組み合わせた、長めのパスワードにしてください。',
		repetitive:
			'同じ文字の繰り返しや「12345678」「abcdefgh」のような連続した文字だけのパスワードは使えません。',
		context: 'ユーザーIDや団体コード、サービス名をそのまま使ったパスワードは使えません。',
		throttled: (minutes: number) =>
			`現在のパスワードの誤りが続いたため、パスワードの変更を一時的に止めています。${minutes}分後に再度お試しください。`,
		mismatch: '確認用のパスワードが一致しません。'
	}
};

export const en: typeof ja = {
	login: {
		title: 'Sign in',
		lead: 'Enter your organisation code, user ID and password.',
		organizationCode: 'Organisation code (6 digits)',
		organizationCodeHint: 'Local government code, e.g. 124249',
		username: 'User ID',
		password: 'Password',
		submit: 'Sign in',
		invalid: 'The organisation code, user ID or password is not correct.',
		throttled: (minutes) => `Too many sign-in attempts. Try again in ${minutes} minutes.`,
		signedOut: 'You have signed out.'
	},
	password: {
		title: 'Change password',
		mustChange: 'You are still using an initial password. Please choose a new one.',
		current: 'Current password',
		next: 'New password',
		nextHint:
			'At least 8 characters (up to 128). Any characters, but not a common or breached password; long phrases are welcome.',
		confirm: 'New password (again)',
		submit: 'Change',
		changed: 'Your password has been changed.',
		wrongCurrent: 'The current password is not correct.',
		tooShort: 'Use at least 8 characters.',
		tooLong: 'Use at most 128 characters.',
		common:
			'This password is on the list of commonly used or breached passwords. Choose a longer one, for example a few unrelated words.',
		repetitive:
			'A password of one character repeated or of a plain sequence ("12345678", "abcdefgh") cannot be used.',
		context:
			'The user ID, the organisation code or the service name cannot be used as the password.',
		throttled: (minutes) =>
			`Too many wrong current passwords: password changes are paused. Try again in ${minutes} minutes.`,
		mismatch: 'The two new passwords differ.'
	}
};
