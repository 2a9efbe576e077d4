import type { FetchFunction } from '../http/fetch-function.ts';
import type { TokenProvider } from './token-provider.ts';

/**
 * Adds `Authorization: Bearer` from `tokens` to every request. A 401 means the token was revoked or expired
 * early: drop it, fetch a new one and send the request once more; a second 401 is the caller's answer.
 */
export function withBearerToken(tokens: TokenProvider, fetchImpl: FetchFunction = fetch): FetchFunction {
  return async (input, init) => {
    const template = new Request(input, init);
    const send = async (request: Request): Promise<{ response: Response; token: string }> => {
      const token = await tokens.getAccessToken();
      request.headers.set('authorization', `Bearer ${token}`);
      return { response: await fetchImpl(request), token };
    };
    const first = await send(template.clone());
    if (first.response.status !== 401) return first.response;
    await first.response.body?.cancel();
    tokens.invalidate(first.token);
    return (await send(template)).response;
  };
}
