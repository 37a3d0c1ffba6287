import { withTimeout } from '../../../common/node/with-timeout';

describe('withTimeout', () => {
  it('settles as the promise does when it settles first', async () => {
    await expect(withTimeout(Promise.resolve(7), 1000)).resolves.toBe(7);
    await expect(withTimeout(Promise.reject(new Error('no')), 1000)).rejects.toThrow('no');
  });

  it('rejects with the given message when the promise never settles', async () => {
    const never = new Promise<never>(() => undefined);
    await expect(withTimeout(never, 10)).rejects.toThrow('timed out after 10 ms');
    await expect(withTimeout(never, 10, 'probe timed out')).rejects.toThrow('probe timed out');
  });
});
