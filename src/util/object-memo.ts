/**
 * A cache keyed by three objects, by identity, that lets go of an entry when any of its keys is gone.
 * The model builders use it for what depends on nothing but a capability, org.yaml and the action
 * catalog: `diff` builds two models from files that are mostly the same objects (see `TextCache`), and
 * each such value is then derived once.
 */
export class ObjectMemo<A extends object, B extends object, C extends object, V> {
  private readonly entries = new WeakMap<A, WeakMap<B, WeakMap<C, V>>>();

  get(a: A, b: B, c: C, compute: () => V): V {
    let byB = this.entries.get(a);
    if (!byB) this.entries.set(a, (byB = new WeakMap()));
    let byC = byB.get(b);
    if (!byC) byB.set(b, (byC = new WeakMap()));
    if (byC.has(c)) return byC.get(c) as V;
    const value = compute();
    byC.set(c, value);
    return value;
  }
}

const ids = new WeakMap<object, number>();
let nextId = 1;

/** A number for an object, the same for the object's life: for building cache keys from identities. */
export function objectId(value: object): number {
  let id = ids.get(value);
  if (id === undefined) ids.set(value, (id = nextId++));
  return id;
}
