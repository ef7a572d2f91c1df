// `netwatch service enrich`: the enrichment processor as a service (config from the environment, Kafka or memory bus).
import type { ServiceDefinition } from '@netwatch/kit';
import { enrichConfigFromEnv, enrichEnvShape } from './enrich-config.js';
import { startEnrichment } from './enrichment.js';

export const enrichService: ServiceDefinition<typeof enrichEnvShape> = {
  name: 'enrich',
  env: enrichEnvShape,
  async start(ctx) {
    const running = await startEnrichment(ctx.bus, enrichConfigFromEnv(ctx.config), ctx.logger, ctx.metrics);
    return {
      async stop() {
        await running.stop();
        ctx.logger.info({ ...running.enricher.stats }, 'enrichment stopped');
      },
    };
  },
};
