/** Tests run nodes through n8n's real engine against local emulators (see test/harness). */
module.exports = {
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': 'ts-jest' },
	testMatch: ['<rootDir>/test/**/*.test.ts'],
	setupFiles: ['<rootDir>/test/harness/env.ts'],
	testTimeout: 60000,
	maxWorkers: 2,
	reporters: ['default', '<rootDir>/test/harness/summary-reporter.js'],
};
