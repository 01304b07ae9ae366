import * as guarantee from './guarantee';

export const ja = {
	title: (number: string) => `電子証書 ${number}`,
	kinds: guarantee.ja.kinds,
	// 保証期間満了, not 期限切れ: the official word (DESIGN.md).
	statuses: { valid: '有効', cancelled: '解約', expired: '保証期間満了' },
	statusLabel: '状態',
	verdict: {
		headings: {
			valid: '有効な電子証書です',
			cancelled: '解約された保証です',
			expired: '保証期間が満了しています'
		},
		reasonLabel: '理由：',
		consequences: {
			valid: '保証事業会社が発行した電子証書です。内容は下のとおりです。',
			cancelled:
				'この保証は保証事業会社によって解約されています。保証として扱うことはできません。下の内容は参考です。',
			expired: '保証期限を過ぎているため、この保証による保証は受けられません。下の内容は参考です。'
		},
		checked: '確認した内容',
		key: '保証契約番号と認証キー',
		keyMatched: (number: string, at: string) =>
			`保証契約番号 ${number} と認証キーが一致しました（この団体での初回照合 ${at}）。`,
		signature: '発行者の電子署名',
		signedBy: (issuer: string, kid: string) =>
			`${issuer}がこのポータルに登録した署名鍵「${kid}」で、電子署名を確認しました。発行された後に内容は変えられていません。`,
		unsigned: (issuer: string) =>
			`署名なし：${issuer}はこの証書に電子署名を付けていません（署名は任意です）。内容は、同社が認証された接続でこのポータルに登録したものです。`,
		status: '状態',
		statusAsOf: {
			valid: (now: string, end: string) => `${now} 現在、有効です（保証期限 ${end}）。`,
			cancelled: (now: string, on: string) => `${on} に保証事業会社が解約しました（${now} 現在）。`,
			expired: (now: string, end: string) =>
				`保証期限 ${end} を過ぎ、保証期間が満了しています（${now} 現在）。`
		},
		cancellationSignature: '解約の電子署名',
		cancellationSignedBy: (issuer: string, kid: string) =>
			`${issuer}がこのポータルに登録した署名鍵「${kid}」で、解約の電子署名を確認しました。`,
		cancellationUnsigned: (issuer: string) =>
			`署名なし：${issuer}は解約に電子署名を付けていません（署名は任意です）。`,
		checkedAt: '確認日時',
		watermarks: { cancelled: '解約', expired: '保証期間満了' },
		details: { valid: '電子証書の内容', void: '（参考）この保証の登録内容' }
	},
	signature: {
		signed: (kid: string) => `電子署名を確認済み（署名鍵「${kid}」）`,
		none: '署名なし'
	},
	/** The four reasons of a change certificate (API.md), as the issuer sends them. */
	amendmentReasons: {
		増額: '増額',
		減額: '減額',
		保証期限変更: '保証期限変更',
		その他: 'その他'
	} as Record<string, string>,
	sections: {
		guarantee: '保証の内容',
		contractor: '保証契約者（受注者）',
		works: '工事',
		history: '変更の履歴',
		views: 'この団体での閲覧記録'
	},
	fields: {
		guaranteeNumber: '保証契約番号',
		kind: '保証の種類',
		issuer: '保証事業会社',
		issuedOn: '当初発行日',
		lastChangedOn: '最終変更日',
		version: '当初・変更',
		ordererName: '発注者（被保証者）',
		contractorName: '名称',
		contractorAddress: '住所',
		contractorRepresentative: '代表者',
		worksName: '工事名',
		worksLocation: '工事場所',
		contractAmount: '請負代金額',
		worksPeriod: '工期',
		worksStartOn: '工期（自）',
		worksEndOn: '工期（至）',
		guaranteeAmount: '保証金額',
		advancePaymentAmount: '前払金額',
		intermediateAdvancePaymentAmount: '中間前払金額',
		category: '区分',
		contractedOn: '契約締結日',
		fiscalYear: '年度（債務負担行為）',
		fiscalYearAmount: '年度割額',
		members: '構成員（共同企業体）',
		office: '担当の支店・営業所',
		guaranteePeriod: '保証期間',
		guaranteeStartOn: '保証期間（始期）',
		guaranteeEndOn: '保証期限',
		signature: '電子署名'
	} as Record<string, string>,
	period: (from: string, to: string) => `${from} から ${to} まで`,
	categories: { construction: '工事', service: '業務委託' } as Record<string, string>,
	phone: (phone: string) => `電話 ${phone}`,
	versionLabel: (n: number) => (n === 1 ? '当初' : `第${n - 1}回変更`),
	currentVersion: (n: number) => (n === 1 ? '当初の電子証書' : `第${n - 1}回変更（変更保証証書）`),
	original: '当初の電子証書の発行',
	noChanges: '変更の記録はありません。',
	changeFrom: '変更前',
	changeTo: '変更後',
	noValueChange: '金額・日付・名称の変更はありません。',
	empty: '—',
	views: {
		caption: 'この団体での閲覧記録（新しい順）',
		at: '日時',
		clerk: '担当者',
		purpose: '目的',
		none: 'これが最初の閲覧です。',
		unknownPurpose: '—'
	},
	purposes: guarantee.ja.purposes as Record<string, string>,
	print: '検証記録を印刷',
	backToVerify: '別の証書を照合する',
	record: {
		title: '検証記録',
		verifiedAt: '照合日時',
		clerk: '照合者',
		organization: '団体',
		purpose: '目的',
		signature: '電子署名',
		link: 'ポータルの証書ページ',
		qrAlt: 'この電子証書のポータル上のページを示すQRコード（認証キーは含みません）',
		note: 'この記録は Kensho で電子証書を照合した結果を印刷したものです。QRコードから証書のページを開けます（閲覧には団体のアカウントが必要です）。'
	}
};

export const en: typeof ja = {
	title: (number) => `Certificate ${number}`,
	kinds: guarantee.en.kinds,
	statuses: { valid: 'Valid', cancelled: 'Cancelled', expired: 'Guarantee period ended' },
	statusLabel: 'Status',
	verdict: {
		headings: {
			valid: 'This electronic certificate is valid',
			cancelled: 'This guarantee has been cancelled',
			expired: 'The guarantee period has ended'
		},
		reasonLabel: 'reason given by the issuer, in Japanese: ',
		consequences: {
			valid: 'An electronic certificate issued by the surety company. Its content follows.',
			cancelled:
				'The surety company has cancelled this guarantee: it cannot be relied on. The content below is for reference only.',
			expired:
				'The guarantee end date has passed: this guarantee no longer covers anything. The content below is for reference only.'
		},
		checked: 'What was checked',
		key: 'Guarantee number and auth key',
		keyMatched: (number, at) =>
			`The guarantee number ${number} and the auth key match (first checked in this organisation ${at}).`,
		signature: "Issuer's electronic signature",
		signedBy: (issuer, kid) =>
			`Verified with the signing key “${kid}” that ${issuer} registered in this portal. The content has not changed since it was issued.`,
		unsigned: (issuer) =>
			`Not signed: ${issuer} did not sign this certificate (signing is optional). Its content is what ${issuer} registered in this portal over an authenticated connection.`,
		status: 'Status',
		statusAsOf: {
			valid: (now, end) => `Valid as of ${now} (guarantee end ${end}).`,
			cancelled: (now, on) => `Cancelled by the surety company on ${on} (as of ${now}).`,
			expired: (now, end) => `The guarantee end ${end} has passed (as of ${now}).`
		},
		cancellationSignature: 'Signature of the cancellation',
		cancellationSignedBy: (issuer, kid) =>
			`The cancellation's signature was verified with the signing key “${kid}” that ${issuer} registered in this portal.`,
		cancellationUnsigned: (issuer) =>
			`Not signed: ${issuer} did not sign the cancellation (signing is optional).`,
		checkedAt: 'Checked at',
		watermarks: { cancelled: 'CANCELLED', expired: 'PERIOD ENDED' },
		details: { valid: 'The certificate', void: 'For reference: what was registered' }
	},
	signature: {
		signed: (kid) => `Signature verified (signing key “${kid}”)`,
		none: 'Not signed'
	},
	amendmentReasons: {
		増額: 'Increase',
		減額: 'Decrease',
		保証期限変更: 'Guarantee end changed',
		その他: 'Other'
	},
	sections: {
		guarantee: 'Guarantee',
		contractor: 'Contractor',
		works: 'Works',
		history: 'Change history',
		views: 'Views by this organisation'
	},
	fields: {
		guaranteeNumber: 'Guarantee number',
		kind: 'Kind',
		issuer: 'Issuer',
		issuedOn: 'First issued on',
		lastChangedOn: 'Last changed on',
		version: 'Original / change',
		ordererName: 'Orderer',
		contractorName: 'Name',
		contractorAddress: 'Address',
		contractorRepresentative: 'Representative',
		worksName: 'Works',
		worksLocation: 'Location',
		contractAmount: 'Contract amount',
		worksPeriod: 'Works period',
		worksStartOn: 'Works from',
		worksEndOn: 'Works to',
		guaranteeAmount: 'Guarantee amount',
		advancePaymentAmount: 'Advance payment',
		intermediateAdvancePaymentAmount: 'Intermediate advance payment',
		category: 'Category',
		contractedOn: 'Contract date',
		fiscalYear: 'Fiscal year (multi-year contract)',
		fiscalYearAmount: "Year's planned amount",
		members: 'Joint venture members',
		office: "Issuer's office",
		guaranteePeriod: 'Guarantee period',
		guaranteeStartOn: 'Guarantee start',
		guaranteeEndOn: 'Guarantee end',
		signature: 'Electronic signature'
	},
	period: (from, to) => `${from} to ${to}`,
	categories: { construction: 'Works', service: 'Service' },
	phone: (phone) => `Tel. ${phone}`,
	versionLabel: (n) => (n === 1 ? 'Original' : `Change ${n - 1}`),
	currentVersion: (n) => (n === 1 ? 'Original certificate' : `As of change ${n - 1}`),
	original: 'Original certificate issued',
	noChanges: 'No changes.',
	changeFrom: 'Before',
	changeTo: 'After',
	noValueChange: 'No amount, date or name changed.',
	empty: '—',
	views: {
		caption: 'Views by this organisation (newest first)',
		at: 'Time',
		clerk: 'Clerk',
		purpose: 'Purpose',
		none: 'This is the first view.',
		unknownPurpose: '—'
	},
	purposes: guarantee.en.purposes,
	print: 'Print the verification record',
	backToVerify: 'Verify another certificate',
	record: {
		title: 'Verification record',
		verifiedAt: 'Verified at',
		clerk: 'Verified by',
		organization: 'Organisation',
		purpose: 'Purpose',
		signature: 'Signature',
		link: "The certificate's page in the portal",
		qrAlt: "QR code of this certificate's page in the portal (no auth key in it)",
		note: 'Printed from Kensho after checking the electronic certificate. The QR code opens its page (an account of the organisation is required).'
	}
};
