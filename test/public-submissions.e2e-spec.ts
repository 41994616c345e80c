// The public API: forms, submissions, drafts and the hosted pages.
// One Jest file for these cases so the module graph (Nest, TypeORM, Fastify, the app) is
// evaluated once for all of them; each file below keeps its own describe blocks, apps and
// databases (docs/testing.md#how-the-e2e-files-are-organised).
import './inquiries.e2e-part.js';
import './intake-forms.e2e-part.js';
import './intake-drafts.e2e-part.js';
import './couples-intake.e2e-part.js';
import './submission-pipeline.e2e-part.js';
import './abuse-payloads.e2e-part.js';
import './public-pages.e2e-part.js';
import './http-hygiene.e2e-part.js';
