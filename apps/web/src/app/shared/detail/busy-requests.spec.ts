import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { BusyRequests } from './busy-requests';

function runner() {
  const reported: unknown[] = [];
  return { requests: new BusyRequests((error) => reported.push(error)), reported };
}

describe('BusyRequests: the record pages’ actions', () => {
  it('is busy while the request runs, then hands the answer over', () => {
    const { requests, reported } = runner();
    const answer = new Subject<string>();
    const done: string[] = [];
    requests.run(answer, (value) => done.push(value));
    expect(requests.busy()).toBe(true);
    answer.next('saved');
    expect(requests.busy()).toBe(false);
    expect(done).toEqual(['saved']);
    expect(reported).toEqual([]);
  });

  it('reports an error nobody handled and is no longer busy', () => {
    const { requests, reported } = runner();
    const answer = new Subject<string>();
    const error = new Error('500');
    requests.run(answer, () => expect.unreachable());
    answer.error(error);
    expect(requests.busy()).toBe(false);
    expect(reported).toEqual([error]);
  });

  it('leaves an error the caller handled unreported', () => {
    const { requests, reported } = runner();
    const answer = new Subject<string>();
    const seen: unknown[] = [];
    requests.run(
      answer,
      () => expect.unreachable(),
      (error) => {
        seen.push(error);
        return true;
      },
    );
    answer.error('409');
    expect(seen).toEqual(['409']);
    expect(reported).toEqual([]);
    expect(requests.busy()).toBe(false);
  });

  it('reports what the caller looked at but did not handle', () => {
    const { requests, reported } = runner();
    const answer = new Subject<string>();
    requests.run(
      answer,
      () => expect.unreachable(),
      () => false,
    );
    answer.error('400');
    expect(reported).toEqual(['400']);
  });
});
