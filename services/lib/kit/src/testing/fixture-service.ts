// A minimal service run as a child process by runtime tests: consumes a test topic slowly, reports to stdout.
import { defineTopic } from '@netwatch/schemas';
import { z } from 'zod';
import { int } from '../config.js';
import { runService } from '../runtime.js';

export const fixtureTopic = defineTopic({
  name: 'netwatch.fixture.v1',
  schema: z.looseObject({ seq: z.number().int() }),
  key: () => 'fixture',
  keyRule: 'constant',
  retention: 'delete',
  description: 'runtime test topic',
});

await runService({
  name: 'fixture',
  env: { FIXTURE_DELAY_MS: int(0, 60_000).default(0) },
  async start({ bus, config, logger }) {
    const subscription = await bus.subscribe(fixtureTopic, 'fixture', async (event) => {
      process.stdout.write(`begin ${event.seq}\n`);
      await new Promise((resolve) => setTimeout(resolve, config.FIXTURE_DELAY_MS));
      process.stdout.write(`handled ${event.seq}\n`);
    });
    process.stdout.write('ready\n');
    logger.info('fixture subscribed');
    return { stop: () => subscription.close() };
  },
});
