import { type ComponentType, type LazyExoticComponent, lazy } from "react";

/** A lazily loaded component that can also be asked to load ahead of its first use. */
export type LazyPart<P> = LazyExoticComponent<ComponentType<P>> & { preload(): Promise<void> };

type Loaded<P> = { default: ComponentType<P> };

/**
 * A component whose code loads on first use (or on `preload()`), in a chunk of its own. Unlike
 * React.lazy over a plain promise, once loaded it renders at once, without suspending: React
 * then keeps a server-rendered part as it is instead of showing its fallback.
 */
export function lazyPart<M, P>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType<P>,
): LazyPart<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const start = () => {
    loading ??= load().then((module) => {
      loaded = pick(module);
      return loaded;
    });
    return loading;
  };
  const part = lazy(
    () =>
      ({
        // biome-ignore lint/suspicious/noThenProperty: a thenable that answers at once when it can
        then(resolve: (value: Loaded<P>) => void, reject: (reason: unknown) => void) {
          if (loaded) resolve({ default: loaded });
          else start().then((component) => resolve({ default: component }), reject);
        },
      }) as unknown as Promise<Loaded<P>>,
  );
  return Object.assign(part, { preload: () => start().then(() => undefined) });
}
