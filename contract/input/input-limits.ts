/**
 * The most rows one input may hold. The coordinator refuses a larger declared row count, the servers
 * exclude a larger share, and the coordinator's computability check at creation assumes every participant
 * may send this many.
 */
export const MAX_INPUT_ROWS = 16_777_216;
