// Entry point: runs the enrich service until SIGTERM (what `netwatch service enrich` does).
import { runService } from '@netwatch/kit';
import { enrichService } from './enrich-service.js';

await runService(enrichService);
