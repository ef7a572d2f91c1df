// @netwatch/api: REST under /api/v1, the live feed, login and tokens, and the built UI; as a library and a service.
export { apiEnvShape, type ApiEnv, siteFromEnv } from './api-config.js';
export { apiService } from './api-service.js';
export {
  type AuthConfig,
  authConfigFromEnv,
  authEnvShape,
  authRequired,
  checkAuthConfig,
  loadAuthConfig,
} from './auth/auth-config.js';
export { hashPassword, isArgon2idPhc, verifyPassword } from './auth/password.js';
export { tokenDigestHex } from './auth/tokens.js';
export { type TrustProxy } from './auth/trust-proxy.js';
export * from './contract/shapes.js';
export { openApiDocument } from './contract/openapi.js';
export { type Api, type ApiOptions, createApi } from './create-api.js';
export { type FeedCounters, FeedHub, type FeedOptions } from './feed/feed-hub.js';
export { hashPasswordCommand, hashPasswordHelp } from './hash-password-command.js';
export { ApiState, type StateLimits } from './state/api-state.js';
export { API_VERSION } from './version.js';
