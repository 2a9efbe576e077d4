/** The two computing parties. B listens, A connects (seed 001). */
export type Party = 'A' | 'B';

export const PARTIES: readonly Party[] = ['A', 'B'];
