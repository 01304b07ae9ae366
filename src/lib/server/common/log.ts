import pino from 'pino';

/**
 * Structured JSON logs, one object per line. Secrets never reach here on purpose, and the
 * redaction list is the second line of defence for fields that could carry one.
 */
export const log = pino({
	level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
	base: { service: 'kensho' },
	timestamp: pino.stdTimeFunctions.isoTime,
	redact: {
		paths: [
			'password',
			'authKey',
			'token',
			'*.password',
			'*.authKey',
			'*.token',
			'headers.authorization',
			'headers.cookie'
		],
		censor: '[redacted]'
	}
});
