/** The shape of `fetch` the SDK's layers wrap and return, so they compose with each other and with openapi-fetch. */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
