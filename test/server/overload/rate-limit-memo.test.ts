import { RateLimitMemo } from '../../../server/overload/rate-limit-memo';

describe('the rate-limit memo', () => {
  it('knows a blocked client until its window ends, then forgets it', () => {
    const memo = new RateLimitMemo();
    memo.block('reads', '10.0.0.1', 5000);
    expect(memo.size).toBe(1);
    expect(memo.blockedUntil('reads', '10.0.0.1', 4999)).toBe(5000);
    expect(memo.blockedUntil('reads', '10.0.0.1', 5000)).toBe(0);
    expect(memo.size).toBe(0);
  });

  it('keeps budgets and clients apart', () => {
    const memo = new RateLimitMemo();
    memo.block('reads', '10.0.0.1', 5000);
    expect(memo.blockedUntil('downloads', '10.0.0.1', 0)).toBe(0);
    expect(memo.blockedUntil('reads', '10.0.0.2', 0)).toBe(0);
    // The key joins budget and client with a separator: "read" + "s|x" is not "reads" + "x".
    memo.block('read', 's|x', 7000);
    expect(memo.blockedUntil('reads', 'x', 0)).toBe(0);
  });

  it('takes the latest window when a client is blocked again', () => {
    const memo = new RateLimitMemo();
    memo.block('reads', 'a', 5000);
    memo.block('reads', 'a', 9000);
    expect(memo.size).toBe(1);
    expect(memo.blockedUntil('reads', 'a', 6000)).toBe(9000);
  });

  it('sweeps away the windows that have ended, and only those', () => {
    const memo = new RateLimitMemo();
    memo.block('reads', 'a', 1000);
    memo.block('reads', 'b', 2000);
    memo.block('reads', 'c', 3000);
    memo.sweep(2000);
    expect(memo.size).toBe(1);
    expect(memo.blockedUntil('reads', 'c', 2000)).toBe(3000);
  });

  it('forgets everything on clear', () => {
    const memo = new RateLimitMemo();
    memo.block('reads', 'a', 1000);
    memo.block('uploads', 'b', 1000);
    memo.clear();
    expect(memo.size).toBe(0);
    expect(memo.blockedUntil('reads', 'a', 0)).toBe(0);
  });

  it('holds at most 10,000 clients, dropping the one blocked longest ago first', () => {
    const memo = new RateLimitMemo();
    for (let i = 0; i < 10_000; i++) memo.block('reads', `client-${i}`, 1_000_000);
    expect(memo.size).toBe(10_000);
    // Blocking client-0 again makes it the newest: client-1 is now the oldest.
    memo.block('reads', 'client-0', 1_000_000);
    expect(memo.size).toBe(10_000);
    memo.block('reads', 'one-more', 1_000_000);
    expect(memo.size).toBe(10_000);
    expect(memo.blockedUntil('reads', 'client-1', 0)).toBe(0);
    expect(memo.blockedUntil('reads', 'client-0', 0)).toBe(1_000_000);
    expect(memo.blockedUntil('reads', 'client-2', 0)).toBe(1_000_000);
    expect(memo.blockedUntil('reads', 'one-more', 0)).toBe(1_000_000);
  });
});
