import { paths } from './operations';
import { problems, responses } from './problems';
import { headers, parameters } from './responses';
import { schemas } from './schemas';

/**
 * The OpenAPI 3.1 document of the issuer API (shared/API.md §1 and §4), served at
 * GET /api/v1/openapi.json and published with its generated types in clients/. Requests are
 * described by the zod schemas that validate them, so the two cannot drift apart; the issuer
 * API tests validate every answer against this document, and CI lints it with Redocly and
 * Spectral.
 */
const DESCRIPTION = `The API through which a surety company (保証事業会社) registers electronic surety
certificates (電子保証) for Japanese municipalities, changes (変更) and cancels (解約) them, and sees
which orderer viewed them (閲覧状況). The integration guide, with a ten-minute path, is
docs/INTEGRATION.md in the repository.

- **Authentication**: \`Authorization: Bearer <issuer token>\`; the portal's operator creates
  tokens with \`npm run cli -- issuer token --issuer <code>\`.
- **Errors** are \`application/problem+json\` (RFC 9457), with \`errors[].path\` as JSON Pointers
  for the fields at fault. Nothing a client sends answers 5xx.
- **Signed bodies**: \`application/jose\`, a compact JWS (EdDSA, \`kid\` registered with the
  operator) whose payload is the JSON body. An issuer set to require signatures must sign.
- **Retries**: an optional \`Idempotency-Key\` on every POST replays the first answer.
- **Limits**: bodies up to 256 KiB (8 MiB for a batch); each token has a rate limit (429 with
  \`Retry-After\`); a database outage answers 503 with \`Retry-After\`.
- Another issuer's guarantee answers 404, exactly as one that does not exist.`;

const TAGS = [
	{ name: 'Guarantees', description: '保証: register, read back, change (変更) and cancel (解約)' },
	{ name: 'Auth keys', description: '認証キー: the key a clerk types to open the certificate' },
	{ name: 'Views', description: '閲覧状況: which orderer opened the certificate, and when' },
	{ name: 'Notices', description: 'お知らせ: the printable notice that carries the auth key' }
];

/**
 * `origin`: the portal that serves the document; without one (the copy in clients/) a server
 * variable stands for the portal the operator gives the integrator.
 */
export function document(origin?: string) {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Kensho issuer API',
			version: '1.1.0',
			summary: 'Register and manage electronic surety certificates (電子保証) in Kensho (検証)',
			description: DESCRIPTION,
			contact: { name: 'The operator of your Kensho portal (ポータル運用者)' },
			license: { name: 'MIT', url: 'https://opensource.org/license/mit' }
		},
		servers: origin
			? [{ url: origin, description: 'This portal' }]
			: [
					{
						url: '{portal}',
						description: 'Your Kensho portal',
						variables: {
							portal: {
								default: 'http://127.0.0.1:3000',
								description:
									'The portal’s origin, as its operator gives it (npm start serves port 3000)'
							}
						}
					}
				],
		security: [{ bearer: [] }],
		tags: TAGS,
		paths,
		components: {
			securitySchemes: {
				bearer: {
					type: 'http',
					scheme: 'bearer',
					bearerFormat: 'kensho_<id>_<secret>',
					description:
						'An issuer token, shown once by `npm run cli -- issuer token --issuer <code>`; the ' +
						'portal keeps only its hash.'
				}
			},
			parameters,
			headers,
			responses,
			schemas: schemas(),
			examples: Object.fromEntries(
				Object.entries(problems).map(([slug, value]) => [
					slug,
					{ summary: `${value.status} ${slug}`, value }
				])
			)
		}
	};
}
