// `netwatch service api` as the runtime runs it, for the service test to start as a child process.
import { runService } from '@netwatch/kit';
import { apiService } from '../api-service.js';

await runService(apiService);
