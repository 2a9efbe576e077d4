import { ObjectNotFoundError, type ObjectStore } from '../../../contract/storage/object-store.ts';
import { S3RequestError, type S3SignedRequests } from './s3-signed-requests.ts';

/**
 * The ObjectStore of the workflow steps (job descriptions, clean-up of a collaboration's shares) on signed
 * requests instead of the S3 client (the computation servers keep mpc-servers' S3ObjectStore). The steps
 * read and write small JSON documents, each in one request. Deleting lists the prefix and deletes key by
 * key, which needs no XML request body.
 */
export class SignedS3ObjectStore implements ObjectStore {
  constructor(
    private readonly requests: S3SignedRequests,
    private readonly bucket: string,
  ) {}

  async getObject(key: string): Promise<Uint8Array> {
    const response = await this.objectRequest('GET', key);
    return new Uint8Array(await response.arrayBuffer());
  }

  async putObject(key: string, body: Uint8Array, options: { contentType?: string } = {}): Promise<void> {
    await this.requests.send({
      method: 'PUT',
      bucket: this.bucket,
      key,
      query: { 'x-id': 'PutObject' },
      headers: options.contentType ? { 'content-type': options.contentType } : {},
      body,
    });
  }

  async listKeys(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const response = await this.requests.send({
        method: 'GET',
        bucket: this.bucket,
        key: '',
        query: { 'list-type': '2', prefix, ...(token === undefined ? {} : { 'continuation-token': token }) },
      });
      const page = parseListPage(await response.text());
      keys.push(...page.keys);
      token = page.nextToken;
    } while (token !== undefined);
    return keys;
  }

  async deleteKeys(prefix: string): Promise<number> {
    const keys = await this.listKeys(prefix);
    for (const key of keys)
      await this.requests.send({
        method: 'DELETE',
        bucket: this.bucket,
        key,
        query: { 'x-id': 'DeleteObject' },
      });
    return keys.length;
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.objectRequest('HEAD', key);
      return true;
    } catch (error) {
      if (error instanceof ObjectNotFoundError) return false;
      throw error;
    }
  }

  private async objectRequest(method: 'GET' | 'HEAD', key: string): Promise<Response> {
    try {
      return await this.requests.send({
        method,
        bucket: this.bucket,
        key,
        ...(method === 'GET' ? { query: { 'x-id': 'GetObject' } } : {}),
      });
    } catch (error) {
      // A missing bucket is a configuration error, not a missing object.
      if (error instanceof S3RequestError && error.status === 404 && error.code !== 'NoSuchBucket')
        throw new ObjectNotFoundError(key);
      throw error;
    }
  }
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlText(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (entity, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return XML_ENTITIES[name] ?? entity;
  });
}

/** The keys and the continuation token of one ListObjectsV2 answer (ListBucketResult). */
export function parseListPage(xml: string): { keys: string[]; nextToken?: string } {
  const keys = [...xml.matchAll(/<Contents>[\s\S]*?<Key>([\s\S]*?)<\/Key>[\s\S]*?<\/Contents>/g)].map(
    (match) => xmlText(match[1] ?? ''),
  );
  const truncated = /<IsTruncated>\s*true\s*<\/IsTruncated>/.test(xml);
  const token = /<NextContinuationToken>([\s\S]*?)<\/NextContinuationToken>/.exec(xml)?.[1];
  return truncated && token !== undefined ? { keys, nextToken: xmlText(token) } : { keys };
}
