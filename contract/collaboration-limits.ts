/** The most participants a collaboration may declare (maxParticipants); openapi.yml states the same bound. */
export const MAX_PARTICIPANTS = 1000;
