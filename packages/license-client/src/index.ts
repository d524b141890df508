export { type CheckStore, fileCheckStore, memoryCheckStore } from './check-store.js';
export {
  createLicenseClient,
  type LicenseClient,
  type LicenseClientOptions,
} from './create-license-client.js';
export { decideGrace, type GraceVerdict } from './decide-grace.js';
export {
  ForgedAnswerError,
  LicenseRefusedError,
  LicenseRequestError,
  LicenseUnreachableError,
} from './errors.js';
export { fetchProductPublicKey } from './fetch-product-public-key.js';
export {
  OFFLINE_FORMAT,
  type OfflineLicenseFile,
  type OfflinePayload,
  type OfflineVerdict,
  verifyOfflineLicenseFile,
} from './offline-file.js';
export type { Activation, CheckResult, FloatingLease, LicenseCredentials, LicenseState } from './types.js';
export { parseSignatureHeader, SIGNATURE_HEADER, signatureHolds, toPublicKey } from './verify-signature.js';
