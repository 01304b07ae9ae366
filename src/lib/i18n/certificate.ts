export const ja = {
	title: (number: string) => `電子証書 ${number}`,
	kinds: {
		contract: '契約保証',
		advance_payment: '前払金保証',
		intermediate_advance_payment: '中間前払金保証'
	},
	statuses: { valid: '有効', cancelled: '解約', expired: '保証期間満了' },
	statusLabel: '状態',
	statusNotes: {
		cancelled: (on: string, reason: string) => `${on} に発行者により解約されました。${reason}`,
		expired: '保証期間が満了しています（保証期限を過ぎています）。'
	},
	signature: {
		verified: '発行者の電子署名を確認済み',
		kid: (kid: string) => `鍵ID: ${kid}`,
		none: '署名なし',
		cancellation: '解約の電子署名'
	},
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
	currentVersion: (n: number) => (n === 1 ? '当初の証書' : `第${n - 1}回変更後の内容`),
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
	purposes: {
		contract: '契約時',
		advance_payment: '前払金請求時',
		intermediate_advance_payment: '中間前払金請求時',
		other: 'その他'
	} as Record<string, string>,
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
	kinds: {
		contract: 'Contract guarantee',
		advance_payment: 'Advance payment guarantee',
		intermediate_advance_payment: 'Intermediate advance payment guarantee'
	},
	statuses: { valid: 'Valid', cancelled: 'Cancelled', expired: 'Guarantee period ended' },
	statusLabel: 'Status',
	statusNotes: {
		cancelled: (on, reason) => `Cancelled by the issuer on ${on}. ${reason}`,
		expired: 'The guarantee period has ended.'
	},
	signature: {
		verified: "Issuer's electronic signature verified",
		kid: (kid) => `Key ID: ${kid}`,
		none: 'Not signed',
		cancellation: 'Signature of the cancellation'
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
	purposes: {
		contract: 'At contract',
		advance_payment: 'Advance payment request',
		intermediate_advance_payment: 'Intermediate advance request',
		other: 'Other'
	},
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
