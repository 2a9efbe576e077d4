import { describe, expect, it } from 'vitest';
import { Container, containerScope, wiredGetters } from '../../../../lambdas/wiring/container.ts';

describe('Container', () => {
  it('makes what each factory makes once and hands out the same value after', () => {
    let made = 0;
    const client = (container: Container<{ region: string }>) => ({
      region: container.settings.region,
      n: ++made,
    });
    const container = new Container({ region: 'eu-west-1' });
    expect(container.get(client)).toBe(container.get(client));
    expect(container.get(client)).toEqual({ region: 'eu-west-1', n: 1 });
    expect(new Container({ region: 'us-east-1' }).get(client)).toEqual({ region: 'us-east-1', n: 2 });
  });
});

describe('containerScope', () => {
  it('reads the environment once for the process, and runs scoped invocations in their own container', async () => {
    let reads = 0;
    const scope = containerScope(() => ({ name: `env-${++reads}` }));
    expect(scope.current().settings.name).toBe('env-1');
    expect(scope.current()).toBe(scope.current());
    const one = new Container({ name: 'one' });
    const two = new Container({ name: 'two' });
    const seen = await Promise.all([
      scope.run(one, async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return scope.current().settings.name;
      }),
      scope.run(two, async () => scope.current().settings.name),
    ]);
    expect(seen).toEqual(['one', 'two']);
    expect(scope.current().settings.name).toBe('env-1');
    expect(reads).toBe(1);
  });
});

describe('wiredGetters', () => {
  it('reads each wired port from the current container and fails loudly on an unwired one', () => {
    const container = new Container({ table: 't' });
    const ports = wiredGetters<{ table: string }, { repository: { table: string }; store: object }>(
      ['repository', 'store'],
      { repository: (c) => ({ table: c.settings.table }) },
      () => container,
      'test',
    );
    expect(ports.repository).toEqual({ table: 't' });
    expect(ports.repository).toBe(ports.repository);
    expect(() => ports.store).toThrow('The test port store is not wired into this handler');
  });
});
