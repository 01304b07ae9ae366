import * as guarantee from './guarantee';

export const ja = {
	title: '電子証書の照合',
	lead: '受注者から提出された「電子保証にかかる「認証キー」のお知らせ」の保証契約番号と認証キーを入力してください。QRコードの読み取りや、お知らせのPDF・画像からの読み取りもできます。',
	guaranteeNumber: '保証契約番号',
	guaranteeNumberHint: '例: E12-2026-000123',
	authKey: '認証キー',
	authKeyHint: '20文字（XXXX-XXXX-XXXX-XXXX-XXXX）。全角・小文字・ハイフンなしでも入力できます。',
	purpose: '照合の目的',
	purposes: guarantee.ja.purposes,
	submit: '照合する',
	recent: {
		title: '最近照合した電子証書',
		verifiedAt: '最後の照合',
		none: 'この団体でまだ照合した電子証書はありません。'
	},
	errors: {
		heading: '入力内容を確認してください',
		noMatch:
			'保証契約番号または認証キーが正しくないか、この団体あての保証ではありません。お知らせの記載を確かめて、もう一度入力してください。',
		guaranteeNumber: {
			empty: '保証契約番号を入力してください。',
			format: '保証契約番号は英数字とハイフンで入力してください（例: E12-2026-000123）。'
		},
		authKey: {
			empty: '認証キーを入力してください。',
			character:
				'認証キーに使えない文字が含まれています。英数字（I・L・O・U を除く）とハイフンで入力してください。',
			length: (n: number) => `認証キーは20文字です（いま${n}文字）。`,
			checksum:
				'認証キーに入力誤りがあります（最後の確認文字が合いません）。お知らせを見ながら、もう一度確かめてください。'
		},
		purpose: '照合の目的を選んでください。',
		remaining: {
			number: (n: number) =>
				`あと${n}回誤った認証キーを入力すると、この保証契約番号はこの団体で一時的に照合できなくなります。`,
			user: (n: number) =>
				`あと${n}回誤った認証キーを入力すると、あなたの照合が一時的に止まります。`,
			organization: (n: number) =>
				`この団体では、あと${n}回誤った認証キーが入力されると照合が一時的に止まります。`
		},
		locked: {
			number: (until: string) =>
				`この保証契約番号は、誤った認証キーの入力が続いたため、一時的に照合できなくなっています。${until} 以降にもう一度お試しください。`,
			user: (until: string) =>
				`誤った認証キーの入力が続いたため、あなたの照合を一時的に止めています。${until} 以降にもう一度お試しください。`,
			organization: (until: string) =>
				`この団体で誤った認証キーの入力が続いたため、照合を一時的に止めています。${until} 以降にもう一度お試しください。`
		}
	},
	summary: {
		noMatch: '照合できませんでした'
	},
	lockedScreen: {
		headings: {
			number: 'この保証契約番号は、いま照合できません',
			user: 'あなたの照合を一時的に止めています',
			organization: 'この団体の照合を一時的に止めています'
		},
		why: '誤った認証キーの入力が続いたためです。',
		until: (at: string) => `${at} 以降に、もう一度照合できます。`,
		next: {
			number:
				'お知らせの保証契約番号と認証キーを見比べてください。お知らせどおりに入力しても合わないときは、保証事業会社に確認してください。',
			user: '心当たりがないときは、この団体の管理者に連絡してください。',
			organization: '心当たりがないときは、この団体の管理者に連絡してください。'
		},
		/** The organisation's admin lifts a lock on /admin/locks (identity/lock-admin.ts). */
		lift: '急ぐときは、この団体の管理者が「停止の解除」画面ですぐに解除できます。',
		contact: '問い合わせ先',
		office: (name: string, phone: string) => (phone ? `${name}（電話 ${phone}）` : name),
		noticeContact: 'お知らせに記載の保証事業会社の窓口'
	},
	other: {
		heading: 'ほかの読み取り方法',
		scan: 'カメラでQRコードを読み取る',
		upload: 'お知らせ（PDF・画像）から読み取る'
	},
	scanner: {
		heading: 'カメラで読み取り',
		starting: 'カメラを起動しています…',
		scanning: 'お知らせのQRコードをカメラに向けてください。',
		noCamera:
			'この端末ではカメラを利用できません。お知らせのPDF・画像から読み取るか、手入力してください。',
		denied:
			'カメラの使用が許可されていません。ブラウザの設定でカメラを許可するか、手入力してください。',
		notFound: 'QRコードが見つかりません。お知らせのQRコード全体が枠に入るように近づけてください。',
		notNotice: '読み取ったQRコードは認証キーのお知らせのものではありません。',
		failed: 'QRコードの読み取り機能を読み込めませんでした。手入力してください。',
		found: '読み取りました。照合しています…',
		stop: 'カメラを閉じる',
		video: 'カメラの映像'
	},
	upload: {
		heading: 'お知らせから読み取り',
		drop: 'ここにお知らせのPDFまたは画像をドラッグ＆ドロップ',
		choose: 'ファイルを選ぶ',
		privacy:
			'ファイルはこの端末の中だけで読み取ります。送信されるのは保証契約番号と認証キーだけです。',
		reading: (name: string) => `「${name}」を読み取っています…`,
		notFound:
			'このファイルからQRコードや認証キーを見つけられませんでした。お知らせのPDFか、QRコードがはっきり写った画像を選んでください。',
		unsupported: 'PDF、PNG、JPEG などの画像ファイルを選んでください。',
		found: '読み取りました。照合しています…',
		needsPurpose: '読み取りました。照合の目的を選んでから「照合する」を押してください。'
	}
};

export const en: typeof ja = {
	title: 'Verify a certificate',
	lead: 'Enter the guarantee number and the auth key from the notice the contractor handed in. You can also scan its QR code or read it from the notice PDF or an image.',
	guaranteeNumber: 'Guarantee number',
	guaranteeNumberHint: 'e.g. E12-2026-000123',
	authKey: 'Auth key',
	authKeyHint:
		'20 characters (XXXX-XXXX-XXXX-XXXX-XXXX). Full-width, lower case and no hyphens are fine.',
	purpose: 'Purpose of this check',
	purposes: guarantee.en.purposes,
	submit: 'Verify',
	recent: {
		title: 'Recently verified certificates',
		verifiedAt: 'Last verified',
		none: 'No certificate has been verified in this organisation yet.'
	},
	errors: {
		heading: 'Please check your entry',
		noMatch:
			'The guarantee number or auth key is not correct, or the guarantee is not addressed to this organisation. Check the notice and try again.',
		guaranteeNumber: {
			empty: 'Enter the guarantee number.',
			format: 'Use letters, digits and hyphens (e.g. E12-2026-000123).'
		},
		authKey: {
			empty: 'Enter the auth key.',
			character:
				'The key contains a character that cannot occur (letters except I, L, O, U; digits; hyphens).',
			length: (n: number) => `The key has 20 characters (you entered ${n}).`,
			checksum:
				'The key has a typing error (its check character does not match). Check it against the notice.'
		},
		purpose: 'Choose the purpose of this check.',
		remaining: {
			number: (n: number) =>
				`${n} more wrong ${n === 1 ? 'key' : 'keys'} and this guarantee number is locked for this organisation for a while.`,
			user: (n: number) =>
				`${n} more wrong ${n === 1 ? 'key' : 'keys'} and your checks are paused for a while.`,
			organization: (n: number) =>
				`${n} more wrong ${n === 1 ? 'key' : 'keys'} in this organisation and its checks are paused for a while.`
		},
		locked: {
			number: (until: string) =>
				`Too many wrong keys for this guarantee number: it is locked until ${until}.`,
			user: (until: string) => `Too many wrong keys: your checks are paused until ${until}.`,
			organization: (until: string) =>
				`Too many wrong keys in this organisation: checks are paused until ${until}.`
		}
	},
	summary: {
		noMatch: 'Not verified'
	},
	lockedScreen: {
		headings: {
			number: 'This guarantee number cannot be checked right now',
			user: 'Your checks are paused',
			organization: "This organisation's checks are paused"
		},
		why: 'Too many wrong auth keys were entered.',
		until: (at) => `You can check again from ${at}.`,
		next: {
			number:
				'Compare the number and key with the notice. If they still do not match as printed, ask the surety company.',
			user: 'If this was not you, tell an administrator of your organisation.',
			organization: 'If you do not know why, tell an administrator of your organisation.'
		},
		lift: 'If it is urgent, an administrator of your organisation can lift it at once on "Paused checks".',
		contact: 'Contact',
		office: (name, phone) => (phone ? `${name} (phone ${phone})` : name),
		noticeContact: "The surety company's office printed on the notice"
	},
	other: {
		heading: 'Other ways to read the notice',
		scan: 'Scan the QR code with the camera',
		upload: 'Read the notice (PDF or image)'
	},
	scanner: {
		heading: 'Camera',
		starting: 'Starting the camera…',
		scanning: "Hold the notice's QR code in front of the camera.",
		noCamera: 'No camera is available on this device. Read the notice file or type the key.',
		denied: 'Camera access is not allowed. Allow it in the browser settings, or type the key.',
		notFound: 'No QR code found yet. Bring the whole QR code into the frame.',
		notNotice: 'This QR code is not from an auth key notice.',
		failed: 'The QR reader could not be loaded. Please type the key.',
		found: 'Read. Verifying…',
		stop: 'Close the camera',
		video: 'Camera picture'
	},
	upload: {
		heading: 'Read from the notice',
		drop: 'Drop the notice PDF or an image here',
		choose: 'Choose a file',
		privacy: 'The file is read on this computer only; only the number and key are sent.',
		reading: (name: string) => `Reading “${name}”…`,
		notFound:
			'No QR code or auth key was found in this file. Choose the notice PDF or a clear image of its QR code.',
		unsupported: 'Choose a PDF or an image file (PNG, JPEG…).',
		found: 'Read. Verifying…',
		needsPurpose: 'Read. Choose the purpose of this check, then press “Verify”.'
	}
};
