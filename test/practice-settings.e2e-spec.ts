// The practice's settings, clinicians, encryption, retention, visitor mail and webhooks.
// One Jest file for these cases so the module graph (Nest, TypeORM, Fastify, the app) is
// evaluated once for all of them; each file below keeps its own describe blocks, apps and
// databases (docs/testing.md#how-the-e2e-files-are-organised).
import './practice.e2e-part.js';
import './settings.e2e-part.js';
import './clinicians.e2e-part.js';
import './encryption.e2e-part.js';
import './retention.e2e-part.js';
import './visitor-mail.e2e-part.js';
import './webhooks.e2e-part.js';
