// The lead endpoints of the staff API.
// One Jest file for these cases so the module graph (Nest, TypeORM, Fastify, the app) is
// evaluated once for all of them; each file below keeps its own describe blocks, apps and
// databases (docs/testing.md#how-the-e2e-files-are-organised).
import './lead-detail.e2e-part.js';
import './lead-erasure.e2e-part.js';
import './lead-merge.e2e-part.js';
import './lead-signals.e2e-part.js';
import './lead-status-moves.e2e-part.js';
import './lead-triage.e2e-part.js';
import './leads-admin.e2e-part.js';
import './leads-export.e2e-part.js';
