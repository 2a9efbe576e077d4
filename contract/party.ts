/** The two computing parties. B listens, A connects. */
export type Party = 'A' | 'B';

export const PARTIES: readonly Party[] = ['A', 'B'];
