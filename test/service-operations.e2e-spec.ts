// Running the service: health and operations, metrics, the schema, create-admin.
// One Jest file for these cases so the module graph (Nest, TypeORM, Fastify, the app) is
// evaluated once for all of them; each file below keeps its own describe blocks, apps and
// databases (docs/testing.md#how-the-e2e-files-are-organised).
import './operations.e2e-part.js';
import './metrics.e2e-part.js';
import './schema.e2e-part.js';
import './create-admin.e2e-part.js';
