import * as issuers from '../../src/lib/server/issuing/issuers';
import * as organizations from '../../src/lib/server/identity/organizations';
import { makeGuarantee } from '../../src/lib/server/testing/fixtures';
import { CAMERA_GUARANTEE } from './known-keys';

/**
 * Guarantees for the clerk's verification tests, written straight to the tables: for 白子町
 * (tanaka) an original, one with two change certificates, a cancelled and an expired one, one
 * kept for the lockout test; for 長生村 (yamada) one of its own.
 */
export async function seedGuarantees() {
	const shirako = (await organizations.findByCode('124249'))!;
	const chosei = (await organizations.findByCode('124231'))!;
	const issuer =
		(await issuers.findByCode('ejcs')) ??
		(await issuers.add({ code: 'ejcs', name: '東日本建設業保証株式会社' }));
	const common = { organizationId: shirako.id, issuerId: issuer.id };
	const period = { guaranteeStartOn: '2026-07-04', guaranteeEndOn: '2027-02-26' };
	const pick = ({ id, guaranteeNumber, authKey }: Awaited<ReturnType<typeof makeGuarantee>>) => ({
		id,
		guaranteeNumber,
		authKey
	});
	return {
		original: pick(
			await makeGuarantee({
				...common,
				guaranteeNumber: 'E12-2026-000201',
				original: { ...period, signatureKid: 'ejcs-2026-01' }
			})
		),
		amended: pick(
			await makeGuarantee({
				...common,
				guaranteeNumber: 'E12-2026-000202',
				original: period,
				amendments: [
					{
						issuedOn: '2026-09-10',
						amendmentReason: '増額',
						contractAmount: 42_350_000,
						guaranteeAmount: 16_940_000,
						advancePaymentAmount: 16_940_000
					},
					{
						issuedOn: '2026-11-02',
						amendmentReason: '保証期限変更',
						worksEndOn: '2027-03-19',
						guaranteeEndOn: '2027-03-31'
					}
				]
			})
		),
		cancelled: pick(
			await makeGuarantee({
				...common,
				kind: 'contract',
				guaranteeNumber: 'E12-2026-000203',
				original: period,
				cancelled: { cancelledOn: '2026-10-15', reason: '工事請負契約の解除による。' }
			})
		),
		expired: pick(
			await makeGuarantee({
				...common,
				kind: 'contract',
				guaranteeNumber: 'E12-2025-000099',
				original: {
					issuedOn: '2025-04-10',
					worksName: '令和7年度 白子町役場庁舎空調更新工事',
					worksStartOn: '2025-04-15',
					worksEndOn: '2025-09-30',
					guaranteeStartOn: '2025-04-15',
					guaranteeEndOn: '2025-09-30'
				}
			})
		),
		scanned: pick(
			await makeGuarantee({ ...common, guaranteeNumber: 'E12-2026-000204', original: period })
		),
		camera: pick(await makeGuarantee({ ...common, ...CAMERA_GUARANTEE, original: period })),
		locked: pick(
			await makeGuarantee({ ...common, guaranteeNumber: 'E12-2026-000299', original: period })
		),
		chosei: pick(
			await makeGuarantee({
				organizationId: chosei.id,
				issuerId: issuer.id,
				kind: 'contract',
				guaranteeNumber: 'E12-2026-000301',
				original: {
					...period,
					ordererName: '長生村長 長生 太郎',
					worksName: '令和8年度 村道改良工事',
					worksLocation: '長生村一松地内',
					guaranteeAmount: 3_850_000,
					advancePaymentAmount: null
				}
			})
		)
	};
}
