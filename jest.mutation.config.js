// Jest for mutation testing (npm run test:mutation): only the unit specs of the pure rule
// modules Stryker mutates, as one flat project (Stryker's runner does not select projects).
import config from './jest.config.js';

const { displayName, ...unit } = config.projects.find((project) => project.displayName === 'unit');
void displayName;

export default {
  ...unit,
  rootDir: '.',
  testMatch: [
    '<rootDir>/src/vocabulary/lead-status.spec.ts',
    '<rootDir>/src/vocabulary/urgency.spec.ts',
    '<rootDir>/src/vocabulary/crisis-phrases.spec.ts',
    '<rootDir>/src/clinicians/matching.spec.ts',
    '<rootDir>/src/leads/lead-triage.spec.ts',
    '<rootDir>/src/notifications/recipients.spec.ts',
    '<rootDir>/src/vocabulary/response-targets.spec.ts',
    '<rootDir>/src/survey/scoring.spec.ts',
    '<rootDir>/src/vocabulary/keyset-cursor.spec.ts',
    '<rootDir>/src/leads/export/csv.spec.ts',
  ],
};
