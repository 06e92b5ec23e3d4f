import { describe, expect, it } from 'vitest';
import { statementBatcher } from './statementBatcher';

/** A write whose statements the test finishes by hand, recording what each one held. */
function heldWrites(fail: (item: string) => boolean = () => false) {
  const statements: string[][] = [];
  const open: (() => void)[] = [];
  const write = (items: readonly string[]) =>
    new Promise<string[]>((resolve, reject) => {
      statements.push([...items]);
      open.push(() =>
        items.some(fail)
          ? reject(new Error('statement failed'))
          : resolve(items.map((i) => `ok ${i}`)),
      );
    });
  const finishAll = async () => {
    while (open.length > 0) {
      open.splice(0).forEach((finish) => finish());
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { statements, write, finishAll };
}

describe('statementBatcher', () => {
  it('writes the requests of one event-loop turn together, and those arriving during a statement in the next', async () => {
    const held = heldWrites();
    const batcher = statementBatcher({ write: held.write, maxInFlight: 1, maxBatch: 10 });
    const results = ['a', 'b'].map((item) => batcher.submit(item));
    await new Promise((resolve) => setImmediate(resolve));
    results.push(batcher.submit('c'));
    await held.finishAll();
    await Promise.all(results);
    expect(held.statements).toEqual([['a', 'b'], ['c']]);
  });

  it('writes an idle request on its own, and the requests that arrive meanwhile in one statement, each with its own result', async () => {
    const held = heldWrites();
    const batcher = statementBatcher({ write: held.write, maxInFlight: 1, maxBatch: 10 });
    const first = batcher.submit('a');
    await new Promise((resolve) => setImmediate(resolve));
    const results = [first, ...['b', 'c', 'd'].map((item) => batcher.submit(item))];
    await held.finishAll();
    expect(await Promise.all(results)).toEqual(['ok a', 'ok b', 'ok c', 'ok d']);
    expect(held.statements).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('never puts two items with one conflict key in a statement, and caps a statement at maxBatch', async () => {
    const held = heldWrites();
    const batcher = statementBatcher({
      write: held.write,
      maxInFlight: 1,
      maxBatch: 2,
      conflictKey: (item: string) => item[0]!,
    });
    const first = batcher.submit('x1');
    await new Promise((resolve) => setImmediate(resolve));
    const results = [first, ...['k1', 'k2', 'm1', 'k3'].map((item) => batcher.submit(item))];
    await held.finishAll();
    await Promise.all(results);
    expect(held.statements).toEqual([['x1'], ['k1', 'm1'], ['k2'], ['k3']]);
  });

  it('retries a failed statement one item at a time: only the bad item fails', async () => {
    const held = heldWrites((item) => item === 'bad');
    const batcher = statementBatcher({ write: held.write, maxInFlight: 1, maxBatch: 10 });
    const submit = (item: string) => batcher.submit(item).catch((error: Error) => error.message);
    const first = submit('first');
    await new Promise((resolve) => setImmediate(resolve));
    const results = [first, ...['a', 'bad', 'b'].map(submit)];
    await held.finishAll();
    expect(await Promise.all(results)).toEqual(['ok first', 'ok a', 'statement failed', 'ok b']);
    expect(held.statements).toEqual([['first'], ['a', 'bad', 'b'], ['a'], ['bad'], ['b']]);
  });

  it('keeps at most maxInFlight statements open', async () => {
    const held = heldWrites();
    const batcher = statementBatcher({ write: held.write, maxInFlight: 2, maxBatch: 1 });
    const results = ['a', 'b', 'c', 'd'].map((item) => batcher.submit(item));
    await new Promise((resolve) => setImmediate(resolve));
    expect(held.statements).toEqual([['a'], ['b']]);
    await held.finishAll();
    await Promise.all(results);
    expect(held.statements).toEqual([['a'], ['b'], ['c'], ['d']]);
  });
});
