import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What one deployable runs with: its settings, taken once, and every client and adapter made from them,
 * each made on first use and then reused for the container's life.
 */
export class Container<S> {
  private readonly made = new Map<Factory<S, unknown>, unknown>();

  constructor(readonly settings: S) {}

  /** What `factory` makes for this container: made on the first call, the same value on every later one. */
  get<T>(factory: Factory<S, T>): T {
    if (!this.made.has(factory)) this.made.set(factory, factory(this));
    return this.made.get(factory) as T;
  }
}

/** Makes one client or adapter of a container; module-level, so a bundle carries only the ones it names. */
export type Factory<S, T> = (container: Container<S>) => T;

/**
 * The container an invocation runs in. On Lambda each process has one, made from the environment on first
 * use. A runtime that runs several systems in one process (the local runtime) runs each invocation inside
 * its own container with `run`, so nothing process-wide is swapped.
 */
export interface ContainerScope<S> {
  current(): Container<S>;
  run<T>(container: Container<S>, body: () => T): T;
}

export function containerScope<S>(settingsFromEnvironment: () => S): ContainerScope<S> {
  const scoped = new AsyncLocalStorage<Container<S>>();
  let own: Container<S> | undefined;
  return {
    current: () => scoped.getStore() ?? (own ??= new Container(settingsFromEnvironment())),
    run: (container, body) => scoped.run(container, body),
  };
}

/**
 * The getter machinery of the port objects: for each name, a property that reads `factories[name]` from the
 * current container, or fails loudly when the handler did not wire it (its use case needs it).
 */
export function wiredGetters<S, P extends object>(
  names: readonly (keyof P & string)[],
  factories: { [K in keyof P]?: Factory<S, P[K]> },
  current: () => Container<S>,
  what: string,
): P {
  const ports = {} as P;
  for (const name of names)
    Object.defineProperty(ports, name, {
      enumerable: true,
      get: () => {
        const factory = factories[name];
        if (!factory) throw new Error(`The ${what} port ${name} is not wired into this handler`);
        return current().get(factory);
      },
    });
  return ports;
}
