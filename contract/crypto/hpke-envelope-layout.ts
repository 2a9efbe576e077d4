/**
 * The byte layout of the HPKE envelope (see hpke.ts), apart from the suite itself: code that only sizes sealed
 * objects (the coordinator's share-size checks) imports this and bundles none of @hpke/core.
 */
export const ENVELOPE_VERSION = 1;
export const HEADER_LENGTH = 8;
export const ENC_LENGTH = 32;
/** AES-128-GCM appends a 16-byte tag to each ciphertext. */
export const AEAD_TAG_LENGTH = 16;
/** The header's kind byte: only single-shot envelopes exist; any other kind is refused as unsupported. */
export const ENVELOPE_KIND = { singleShot: 0 } as const;
