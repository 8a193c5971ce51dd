import { ConcurrencyLimit } from '../../src/codec/concurrency-limit';

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('ConcurrencyLimit', () => {
  it('admits in arrival order as places free up, and turns newcomers away while the line is full', async () => {
    const limit = new ConcurrencyLimit(1, 2);
    const first = limit.enter();
    const second = limit.enter();
    const third = limit.enter();
    expect(limit.enter()).toBeUndefined();
    expect(await settled(first!.admitted)).toBe(true);
    expect(await settled(second!.admitted)).toBe(false);

    first!.leave();
    first!.leave(); // a second leave must not free a second place
    expect(await settled(second!.admitted)).toBe(true);
    expect(await settled(third!.admitted)).toBe(false);
    second!.leave();
    expect(await settled(third!.admitted)).toBe(true);
  });

  it('gives a place back when a waiting holder leaves (a client that hung up), without admitting it', async () => {
    const limit = new ConcurrencyLimit(1, 1);
    const running = limit.enter()!;
    const gone = limit.enter()!;
    gone.leave();
    expect(await settled(gone.admitted)).toBe(true);
    const next = limit.enter();
    expect(next).toBeDefined();
    running.leave();
    expect(await settled(next!.admitted)).toBe(true);
    // The one place is held by `next`: nobody else may run beside it.
    expect(await settled(limit.enter()!.admitted)).toBe(false);
  });
});
