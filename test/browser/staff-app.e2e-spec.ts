// The staff app (/admin) in Chromium: what a clinician may see, invitations, live arrivals,
// reauthentication, partner signals, triage and the coordinator's desk. One Jest file for
// these cases so the module graph (the app, Playwright) is evaluated once and one Chromium
// serves them all; each file below keeps its own describe blocks, app and database
// (docs/testing.md#how-the-e2e-files-are-organised).
import { oneBrowserForThisJestFile } from '../support/browser.js';
import './admin-access.e2e-part.js';
import './admin-invitation.e2e-part.js';
import './admin-live.e2e-part.js';
import './admin-reauthentication.e2e-part.js';
import './admin-signals.e2e-part.js';
import './admin-triage.e2e-part.js';
import './coordinator-desk.e2e-part.js';

oneBrowserForThisJestFile();
