// The coordinator's desk: clock, merge, journey, attribution, stats, live stream.
// One Jest file for these cases so the module graph (Nest, TypeORM, Fastify, the app) is
// evaluated once for all of them; each file below keeps its own describe blocks, apps and
// databases (docs/testing.md#how-the-e2e-files-are-organised).
import './desk-clock.e2e-part.js';
import './desk-merge.e2e-part.js';
import './coordinator-journey.e2e-part.js';
import './attribution.e2e-part.js';
import './stats.e2e-part.js';
import './live-stream.e2e-part.js';
