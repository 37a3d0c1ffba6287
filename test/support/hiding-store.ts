import type { FileStore } from '../../common/node/file-store';

/**
 * A file store whose reads answer "not there" for the keys `hidden` says (the file stays, and every
 * other method passes straight through): a render or a run step that needs those bytes fails until the
 * test shows them again.
 */
export function hidingReads(store: FileStore, hidden: (key: string) => boolean): FileStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'read') return (key: string) => (hidden(key) ? Promise.resolve(null) : target.read(key));
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
