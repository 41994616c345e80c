// Staff accounts, sign-in and the admin endpoints around them.
// One Jest file for these cases so the module graph (Nest, TypeORM, Fastify, the app) is
// evaluated once for all of them; each file below keeps its own describe blocks, apps and
// databases (docs/testing.md#how-the-e2e-files-are-organised).
import './auth.e2e-part.js';
import './reauthentication.e2e-part.js';
import './staff-credentials.e2e-part.js';
import './users-admin.e2e-part.js';
import './admin-notifications.e2e-part.js';
import './admin-webhooks.e2e-part.js';
import './authorization-matrix.e2e-part.js';
